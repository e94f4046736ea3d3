/*
 * Build-time exports for build/snapshot (issue 7), which drops both from the module it writes: Navidrome never sees them.
 *  - plugin_snapshot_collect: after the warm-up, collect the managed heap and zero every free byte of the C heap and
 *    the unused stack. Freed memory keeps its old bytes: a freed malloc chunk (the interpreter's stackalloc buffers
 *    live in such chunks) or a stale stack frame can still hold a warm-up string after the managed heap is collected.
 *  - plugin_memory_map: where each region of linear memory is (static data, assemblies, stack and how deep the
 *    calls before it reached, malloc heap, the runtime's blocks, free chunks), as text lines "start end name" for
 *    build/snapshot/MemoryMap.cs. It changes nothing but the order of malloc's free lists, so the warm-up calls it
 *    between calls too.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "extism.h"
#include "os_memory.h"

int plugin_run_export (const char *name);
void plugin_for_each_assembly (void (*visit) (const char *name, const void *data, size_t size, void *context), void *context);

extern unsigned char __data_end, __stack_low, __stack_high, __heap_base; /* wasm-ld's layout symbols */
extern int sgen_nursery_clear_policy;
enum { SGEN_CLEAR_AT_TLAB_CREATION = 1 }; /* sgen-gc.h NurseryClearPolicy: CLEAR_AT_GC, CLEAR_AT_TLAB_CREATION, ... */

static uintptr_t memory_end (void) { return (uintptr_t) __builtin_wasm_memory_size (0) * 65536; }

static void scrub_unused_stack (void)
{
	volatile unsigned char here = 0; /* its address is the current stack pointer, near enough */
	uintptr_t low = (uintptr_t) &__stack_low, high = (uintptr_t) &here;
	if (high > low + 1024)
		memset (&__stack_low, 0, high - low - 1024); /* leave our own frame alone */
}

static void zero_chunk (void *start, size_t length, void *context) { memset (start, 0, length); }

/* How deep the calls before this one went into the C stack: the lowest non-zero byte (the scrub zeroes it again). */
static uintptr_t lowest_written_stack_byte (void)
{
	const unsigned char *byte = &__stack_low;
	while (byte < &__stack_high && !*byte)
		byte++;
	return (uintptr_t) byte;
}

/* The managed side (WasmEntry.SnapshotCollect) collects the managed heap; MONO_GC_DEBUG=clear-at-gc (host.c) makes
   the runtime zero the nursery at each collection; then the C heap and the stack are scrubbed. */
__attribute__((export_name("plugin_snapshot_collect"))) int plugin_snapshot_collect (void)
{
	int result = plugin_run_export ("plugin_snapshot_collect");
	/* The nursery is all zero now, and the snapshot is taken after this call: from here on the runtime's default
	   (zero each allocation buffer when it is handed out) is enough, and later calls skip a nursery memset per GC. */
	sgen_nursery_clear_policy = SGEN_CLEAR_AT_TLAB_CREATION;
	os_memory_for_each_free_chunk (zero_chunk, NULL);
	scrub_unused_stack ();
	return result;
}

/* ---- the map: written into one kernel block (host-side memory), handed over as the call's output ---- */
EXTISM_ENV(output_set) void extism_env_output_set (int64_t offset, int64_t length);

enum { MAP_CAPACITY = 8 << 20 };
static int64_t map_block, map_length;

static void emit (uintptr_t start, uintptr_t end, const char *name)
{
	char line [200];
	int length = snprintf (line, sizeof line, "%08lx %08lx %s\n", (unsigned long) start, (unsigned long) end, name);
	for (int i = 0; i < length && map_length < MAP_CAPACITY; i++)
		extism_env_store_u8 (map_block + map_length++, (unsigned char) line [i]);
}

static void emit_assembly (const char *name, const void *data, size_t size, void *context)
{
	char label [160];
	snprintf (label, sizeof label, "assembly %s", name);
	emit ((uintptr_t) data, (uintptr_t) data + size, label);
}

static void emit_block (const void *start, size_t length, const char *label, void *context)
{
	char name [160];
	snprintf (name, sizeof name, "block %s", label);
	emit ((uintptr_t) start, (uintptr_t) start + length, name);
}

static void emit_free_chunk (void *start, size_t length, void *context)
{
	/* The free chunk that ends at the end of memory is malloc's top: it could only be given back by shrinking memory. */
	int top = (uintptr_t) start + length + 256 >= memory_end ();
	emit ((uintptr_t) start, (uintptr_t) start + length, top ? "malloc free (top)" : "malloc free");
}

__attribute__((export_name("plugin_memory_map"))) int plugin_memory_map (void)
{
	uintptr_t stack_reached = lowest_written_stack_byte (); /* first: this call's own frames are shallow */
	map_block = extism_env_alloc (MAP_CAPACITY);
	map_length = 0;
	emit (0, (uintptr_t) &__data_end, "static data");
	plugin_for_each_assembly (emit_assembly, NULL);
	emit ((uintptr_t) &__stack_low, (uintptr_t) &__stack_high, "stack");
	if (stack_reached < (uintptr_t) &__stack_high)
		emit (stack_reached, (uintptr_t) &__stack_high, "stack (reached)");
	emit ((uintptr_t) &__heap_base, memory_end (), "malloc heap");
	os_memory_for_each_block (emit_block, NULL);
	os_memory_for_each_free_chunk (emit_free_chunk, NULL);
	extism_env_output_set (map_block, map_length);
	map_block = map_length = 0;
	scrub_unused_stack (); /* the lines were formatted on the stack */
	return 0;
}
