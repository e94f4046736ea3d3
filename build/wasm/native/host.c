/*
 * The C driver of plugin.wasm: embeds the published assemblies, starts Mono (interpreter only) on the first export
 * call of an instance, and runs every nd_* export (exports.g.c) through one cached managed method,
 * Navidrome.DiscordPresence.Exports.Wasm.WasmEntry.Run(string) -> int. Navidrome makes a fresh instance per call,
 * so "once per instance" is "once per call". A managed exception that escapes becomes error_set + return 1.
 */
#include <mono/utils/mono-logger.h> /* runtime.h needs MonoLogCallback first */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mono/metadata/assembly.h>
#include <mono/metadata/class.h>
#include <mono/metadata/object.h>
#include <mono/jit/jit.h>
#include <mono/jit/mono-private-unstable.h>
#include "runtime.h"
#include "extism.h"

struct bundled_assembly {
	const char *name;
	const unsigned char *data;
	unsigned int size;
};
#include "assemblies.g.h"

extern void mono_bundled_resources_add_assembly_resource (const char *id, const char *name, const uint8_t *data, uint32_t size,
	void (*free_func) (void *, void *), void *free_data);
int monoeg_g_setenv (const char *variable, const char *value, int overwrite);
extern int mono_opt_jiterpreter_traces_enabled, mono_opt_jiterpreter_interp_entry_enabled, mono_opt_jiterpreter_jit_call_enabled;
void mono_background_exec (void);
int shim_take_background_request (void); /* shim.c: did the runtime ask for background work during the call? */

static MonoDomain *domain;
static MonoMethod *entry;
static int started; /* 0 not yet, 1 running, -1 failed */

/* Copies a message into a kernel block; Extism reads error and log blocks after they are handed over. */
static int64_t kernel_string (const char *text)
{
	int64_t length = (int64_t) strlen (text);
	int64_t block = extism_env_alloc (length);
	for (int64_t i = 0; i < length; i++)
		extism_env_store_u8 (block + i, (unsigned char) text [i]);
	return block;
}

static void set_error (const char *text) { extism_env_error_set (kernel_string (text)); }

/* The runtime's own messages can quote managed text (an exception message holding input, so possibly a token), and
   they bypass the plugin's redaction: log only a fixed line naming the level and the log domain, never the message.
   The domain is kept only if it looks like a runtime name (letters, digits, '-', '_'). */
static void mono_log (const char *log_domain, const char *log_level, const char *message, mono_bool fatal, void *user_data)
{
	(void) message;
	int plain_domain = log_domain && strlen (log_domain) <= 32 && strspn (log_domain,
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == strlen (log_domain);
	int severe = fatal || (log_level && (!strcmp (log_level, "error") || !strcmp (log_level, "critical")));
	char line [192];
	snprintf (line, sizeof line, "plugin.wasm: mono runtime log, level %s, domain %s (text withheld: it may quote input)",
		fatal ? "fatal" : severe ? "error" : "other", plain_domain && *log_domain ? log_domain : "(unnamed)");
	fprintf (stderr, "%s\n", line);
	if (severe) extism_env_log_error (kernel_string (line));
}

static const char *start_runtime (void)
{
	for (size_t i = 0; i < sizeof bundled_assemblies / sizeof bundled_assemblies [0]; i++)
		mono_bundled_resources_add_assembly_resource (bundled_assemblies [i].name, bundled_assemblies [i].name,
			bundled_assemblies [i].data, bundled_assemblies [i].size, NULL, NULL);

	/* The jiterpreter generates wasm at run time through JS; there is no JS here. */
	mono_opt_jiterpreter_traces_enabled = 0;
	mono_opt_jiterpreter_interp_entry_enabled = 0;
	mono_opt_jiterpreter_jit_call_enabled = 0;
	/* A smaller nursery: fewer pages touched per instance (every call pays for them). */
	monoeg_g_setenv ("MONO_GC_PARAMS", "nursery-size=512k", 1);
	/* Zero the nursery at every collection, not when it is reused: the build-time snapshot (build/snapshot) collects
	   after its warm-up, and no warm-up data may survive into the module. plugin_snapshot_collect
	   (snapshot_support.c) switches back to the default after that last collection, so calls do not pay for it. */
	monoeg_g_setenv ("MONO_GC_DEBUG", "clear-at-gc", 1);

	/* InvariantTimezone can't be set at publish without the wasm-tools workload, so it is a runtime property. */
	const char *keys [] = { "APP_CONTEXT_BASE_DIRECTORY", "RUNTIME_IDENTIFIER", "System.Globalization.Invariant", "System.TimeZoneInfo.Invariant" };
	const char *values [] = { "/", "browser-wasm", "true", "true" };
	monovm_initialize (4, keys, values);
	/* No tiering: the interpreter then prepares every method fully optimised the first time it runs, which is during
	   the build-time warm-up (build/snapshot), so every call starts with optimised code. With tiering, the snapshot
	   would hold the quick, unoptimised versions, and methods crossing the tier-up count would be prepared again in
	   every call (each call starts from the snapshot's counts). */
	domain = mono_wasm_load_runtime_common (0, mono_log, "-tiering");
	if (!domain)
		return "the runtime did not start";

	MonoAssembly *assembly = mono_wasm_assembly_load ("DiscordPresence.Exports");
	if (!assembly)
		return "DiscordPresence.Exports is not bundled";
	MonoClass *klass = mono_class_from_name (mono_assembly_get_image (assembly), "Navidrome.DiscordPresence.Exports.Wasm", "WasmEntry");
	if (!klass)
		return "WasmEntry was trimmed away";
	entry = mono_class_get_method_from_name (klass, "Run", 1);
	return entry ? NULL : "WasmEntry.Run was trimmed away";
}

int plugin_run_export (const char *name)
{
	if (started == 0) {
		const char *failure = start_runtime ();
		started = failure ? -1 : 1;
		if (failure) {
			char text [256];
			snprintf (text, sizeof text, "plugin.wasm: %s: %s", name, failure);
			set_error (text);
			return 1;
		}
	} else if (started < 0) {
		set_error ("plugin.wasm: the runtime failed to start in this instance");
		return 1;
	}

	MonoObject *exception = NULL;
	void *args [1] = { mono_string_new (domain, name) };
	MonoObject *result = mono_runtime_invoke (entry, NULL, args, &exception);
	/* Timers and finalizers the runtime queued during the call; nothing else would ever run them. */
	while (shim_take_background_request ())
		mono_background_exec ();
	if (exception || !result) {
		/* Type name only: a message could carry input text, and input can carry a token. */
		char text [256];
		snprintf (text, sizeof text, "plugin.wasm: %s failed: unhandled %s", name,
			exception ? mono_class_get_name (mono_object_get_class (exception)) : "null result");
		set_error (text);
		return 1;
	}
	return *(int *) mono_object_unbox (result);
}

/* The embedded assemblies, for the build-time memory map (snapshot_support.c). */
void plugin_for_each_assembly (void (*visit) (const char *name, const void *data, size_t size, void *context), void *context)
{
	for (size_t i = 0; i < sizeof bundled_assemblies / sizeof bundled_assemblies [0]; i++)
		visit (bundled_assemblies [i].name, bundled_assemblies [i].data, bundled_assemblies [i].size, context);
}
