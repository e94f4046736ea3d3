/*
 * What the pack's emscripten-built objects expect from their libc and from emscripten's JS glue, provided on top of
 * Debian's wasi-libc (2022) for a single-threaded reactor. Each group says why it is needed.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wasi/api.h>

/* --- errno: emscripten's objects call __errno_location(); wasi-libc only has the errno variable. --- */
int *__errno_location (void) { return &errno; }

/* --- clocks: emscripten passes clock ids as small integers, wasi-libc's clockid_t is a pointer to a struct.
       Accept both; the numbers (0 realtime, 1 monotonic, 2/3 cpu time) are the same as WASI's. --- */
struct __clockid { __wasi_clockid_t id; };

static __wasi_clockid_t wasi_clock (clockid_t clock)
{
	uintptr_t value = (uintptr_t) clock;
	return value < 64 ? (__wasi_clockid_t) value : clock->id;
}

int clock_gettime (clockid_t clock, struct timespec *ts)
{
	__wasi_timestamp_t t;
	__wasi_errno_t error = __wasi_clock_time_get (wasi_clock (clock), 1, &t);
	if (error) { errno = error; return -1; }
	ts->tv_sec = (time_t) (t / 1000000000u);
	ts->tv_nsec = (long) (t % 1000000000u);
	return 0;
}

int clock_getres (clockid_t clock, struct timespec *ts)
{
	__wasi_timestamp_t t;
	__wasi_errno_t error = __wasi_clock_res_get (wasi_clock (clock), &t);
	if (error) { errno = error; return -1; }
	if (ts) { ts->tv_sec = (time_t) (t / 1000000000u); ts->tv_nsec = (long) (t % 1000000000u); }
	return 0;
}

int clock_nanosleep (clockid_t clock, int flags, const struct timespec *request, struct timespec *remain)
{
	__wasi_subscription_t subscription = { 0 };
	subscription.u.tag = __WASI_EVENTTYPE_CLOCK;
	subscription.u.u.clock.id = wasi_clock (clock);
	subscription.u.u.clock.timeout = (__wasi_timestamp_t) request->tv_sec * 1000000000u + (__wasi_timestamp_t) request->tv_nsec;
	subscription.u.u.clock.flags = flags ? __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME : 0;
	__wasi_event_t event;
	__wasi_size_t events;
	return (int) __wasi_poll_oneoff (&subscription, &event, 1, &events);
}

/* --- emscripten's small printf variants. --- */
int __small_printf (const char *format, ...) { va_list a; va_start (a, format); int n = vprintf (format, a); va_end (a); return n; }
int __small_fprintf (FILE *f, const char *format, ...) { va_list a; va_start (a, format); int n = vfprintf (f, format, a); va_end (a); return n; }
int __small_sprintf (char *s, const char *format, ...) { va_list a; va_start (a, format); int n = vsprintf (s, format, a); va_end (a); return n; }
int fiprintf (FILE *f, const char *format, ...) { va_list a; va_start (a, format); int n = vfprintf (f, format, a); va_end (a); return n; }
int siprintf (char *s, const char *format, ...) { va_list a; va_start (a, format); int n = vsprintf (s, format, a); va_end (a); return n; }

/* --- pthreads and semaphores: one thread, so locks are no-ops, TLS keys are a plain array, waits time out. --- */
#define KEYS 128
static const void *key_values [KEYS];
static unsigned key_count;

unsigned long pthread_self (void) { return 1; }
int pthread_key_create (unsigned *key, void (*destructor) (void *)) { if (key_count >= KEYS) return EAGAIN; *key = key_count++; return 0; }
void *pthread_getspecific (unsigned key) { return key < KEYS ? (void *) key_values [key] : NULL; }
int pthread_setspecific (unsigned key, const void *value) { if (key >= KEYS) return EINVAL; key_values [key] = value; return 0; }
int pthread_mutex_init (void *mutex, const void *attr) { return 0; }
int pthread_mutex_destroy (void *mutex) { return 0; }
int pthread_mutex_lock (void *mutex) { return 0; }
int pthread_mutex_unlock (void *mutex) { return 0; }
int pthread_cond_init (void *cond, const void *attr) { return 0; }
int pthread_cond_destroy (void *cond) { return 0; }
int pthread_cond_signal (void *cond) { return 0; }
int pthread_cond_wait (void *cond, void *mutex) { return 0; }
int pthread_cond_timedwait (void *cond, void *mutex, const struct timespec *abstime) { return ETIMEDOUT; }
int pthread_condattr_init (void *attr) { return 0; }
int pthread_condattr_destroy (void *attr) { return 0; }
int pthread_condattr_setclock (void *attr, int clock) { return 0; }
int sem_init (void *sem, int shared, unsigned value) { *(int *) sem = (int) value; return 0; }
int sem_destroy (void *sem) { return 0; }
int sem_post (void *sem) { ++*(int *) sem; return 0; }
int sem_wait (void *sem) { if (*(int *) sem > 0) --*(int *) sem; return 0; }
int sem_trywait (void *sem) { if (*(int *) sem > 0) { --*(int *) sem; return 0; } errno = EAGAIN; return -1; }

/* --- mmap: the GC asks for aligned, zeroed blocks; munmap frees only what mmap returned. --- */
#define MAPS 256
static struct { void *start; size_t length; } maps [MAPS];

void *mmap (void *address, size_t length, int protection, int flags, int fd, int64_t offset)
{
	void *block = NULL;
	if (fd != -1 || posix_memalign (&block, 65536, length)) { errno = ENOMEM; return (void *) -1; }
	memset (block, 0, length);
	for (int i = 0; i < MAPS; i++)
		if (!maps [i].start) { maps [i].start = block; maps [i].length = length; break; }
	return block;
}

int munmap (void *address, size_t length)
{
	for (int i = 0; i < MAPS; i++)
		if (maps [i].start == address) { free (address); maps [i].start = NULL; return 0; }
	return 0; /* a partial unmap keeps the block: leaking within one short-lived instance is fine */
}

/* --- file-system calls libSystem.Native links but this plugin never makes (it has no file system). --- */
int fstatfs (int fd, void *buffer) { errno = ENOSYS; return -1; }
int flock (int fd, int operation) { errno = ENOSYS; return -1; }
const char *gai_strerror (int code) { return "name resolution is not available"; }

/* --- the browser hooks of the runtime. --- */
void mono_wasm_printerr (const char *text) { fprintf (stderr, "%s\n", text); }
int mono_wasm_process_current_pid (void) { return 1; }

int mono_wasm_browser_entropy (uint8_t *buffer, int length)
{
	return __wasi_random_get (buffer, (__wasi_size_t) length) ? -1 : 0;
}

static int background_requested;
void mono_wasm_schedule_timer (int shortest_due_ms) { /* timers are not driven: nothing waits within a call */ }
void schedule_background_exec (void) { background_requested = 1; }
int shim_take_background_request (void) { int r = background_requested; background_requested = 0; return r; }

/* No wasm exception handling: a C++-style throw through native frames cannot unwind, so it ends the instance. */
void mono_llvm_cpp_throw_exception (void) { fprintf (stderr, "plugin.wasm: an exception crossed a native frame\n"); abort (); }
void mono_llvm_cpp_catch_exception (void (*callback) (void *), void *argument, int *out_thrown)
{
	if (out_thrown) *out_thrown = 0;
	callback (argument);
}

/* The jiterpreter is switched off in host.c; these are its JS-side entry points. */
void *mono_interp_tier_prepare_jiterpreter (void *frame, void *method, void *ip, int index, void *start, void *code, int a, int b) { return NULL; }
void mono_interp_record_interp_entry (void *pointer) { }
void *mono_interp_jit_wasm_entry_trampoline (void *imethod, void *method, int argc, void *pindices, int unbox, int has_this, int has_return, void *name) { return NULL; }
void mono_interp_invoke_wasm_jit_call_trampoline (void *function, void *ret, void *args, void *thunk, int *thrown) { }
void mono_interp_jit_wasm_jit_call_trampoline (void *method, void *rmethod, void *cinfo, void *arg_offsets, void *catch_exceptions) { }
void mono_interp_flush_jitcall_queue (void) { }
void mono_wasm_free_method_data (void *method, void *imethod, int trace_index) { }
