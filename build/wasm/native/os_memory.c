/*
 * The runtime's "operating system" memory. In this runtime pack (10.0.12, single-threaded browser build) Mono's
 * mono_valloc/mono_valloc_aligned are posix_memalign from our malloc, and mono_vfree is free. They are wrapped at link
 * time (build.sh: -Wl,--wrap=...) to
 *  - record each block with the name of what asked for it (for the build-time memory map, snapshot_support.c), and
 *  - give the GC's card table only what this module can address (see __wrap_sgen_alloc_os_memory).
 * malloc's growth (sbrk) is wrapped too, so that the build-time clean-up can take every free chunk without growing
 * memory. Each fresh instance pays for every page of initial memory: pages that are never used must not exist.
 */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "os_memory.h"

#ifndef MAX_MEMORY_BYTES
#error "MAX_MEMORY_BYTES (the module's declared maximum memory, see build.sh) must be defined"
#endif

/* --- the record of the runtime's blocks --- */
#define BLOCKS 1024
static struct { void *start; size_t length; int account; } blocks [BLOCKS];
static int growth_refused;

const char *mono_mem_account_type_name (int account);

static void record (void *start, size_t length, int account)
{
	for (int i = 0; start && i < BLOCKS; i++)
		if (!blocks [i].start) { blocks [i].start = start; blocks [i].length = length; blocks [i].account = account; return; }
	/* full: the block goes unnamed in the map (it shows as malloc heap); nothing else depends on the record */
}

void os_memory_for_each_block (void (*visit) (const void *start, size_t length, const char *label, void *context), void *context)
{
	for (int i = 0; i < BLOCKS; i++)
		if (blocks [i].start)
			visit (blocks [i].start, blocks [i].length, mono_mem_account_type_name (blocks [i].account), context);
}

void *__real_mono_valloc (void *address, size_t length, int flags, int account);
void *__real_mono_valloc_aligned (size_t size, size_t alignment, int flags, int account);
int __real_mono_vfree (void *address, size_t length, int account);

void *__wrap_mono_valloc (void *address, size_t length, int flags, int account)
{
	void *block = __real_mono_valloc (address, length, flags, account);
	record (block, length, account);
	return block;
}

void *__wrap_mono_valloc_aligned (size_t size, size_t alignment, int flags, int account)
{
	void *block = __real_mono_valloc_aligned (size, alignment, flags, account);
	record (block, size, account);
	return block;
}

int __wrap_mono_vfree (void *address, size_t length, int account)
{
	for (int i = 0; i < BLOCKS; i++)
		if (blocks [i].start == address) { blocks [i].start = NULL; break; }
	return __real_mono_vfree (address, length, account);
}

/* --- the GC's card table --- */
void *__real_sgen_alloc_os_memory (size_t size, int flags, const char *description, int account);

#define SGEN_CARD_BITS 9                       /* sgen-cardtable.h: one card byte per 512 bytes */
#define SGEN_CARD_TABLE_BYTES (1u << (32 - SGEN_CARD_BITS))

void *__wrap_sgen_alloc_os_memory (size_t size, int flags, const char *description, int account)
{
	/* SGen sizes its card table for a 32-bit address space: 8 MiB, every page of which each instance would pay for.
	   Why one byte per 512 bytes of MAX_MEMORY_BYTES is enough: on wasm32 pointers are as wide as the table covers,
	   so SGen does not alias cards (no SGEN_HAVE_OVERLAPPING_CARDS) and the card of address a is table[a >> 9]. Every
	   card it marks, reads or clears is that of an address inside linear memory (a heap object, a root, a range being
	   copied), and linear memory never exceeds the maximum the module declares (build.sh links --max-memory with the
	   same number; memory.grow fails beyond it and malloc returns NULL). So no card index reaches
	   MAX_MEMORY_BYTES >> 9. Nothing walks the whole table in this configuration: clearing and scanning go block by
	   block (sgen-cardtable.c, the non-overlapping paths). Checked against dotnet/runtime's sgen-cardtable.[ch]. */
	if (description && !strcmp (description, "card table") && size == SGEN_CARD_TABLE_BYTES)
		size = (size_t) (MAX_MEMORY_BYTES >> SGEN_CARD_BITS);
	return __real_sgen_alloc_os_memory (size, flags, description, account);
}

/* --- malloc's growth: refused while the build-time clean-up takes every free chunk (it must not grow memory). --- */
void *__real_sbrk (intptr_t increment);

void *__wrap_sbrk (intptr_t increment)
{
	if (increment > 0 && growth_refused) { errno = ENOMEM; return (void *) -1; }
	return __real_sbrk (increment);
}

void os_memory_for_each_free_chunk (void (*visit) (void *start, size_t length, void *context), void *context)
{
	/* Take every free chunk by allocating until malloc fails (largest requests first, so big chunks are not split
	   needlessly) with growth refused, visit each, then free them all. The taken chunks are chained through their
	   first word, which is cleared again before the chunk is freed. */
	void *taken = NULL;
	growth_refused = 1;
	for (size_t size = (size_t) 1 << 20; size >= 16; size >>= 1) {
		void *chunk;
		while ((chunk = malloc (size))) {
			visit (chunk, malloc_usable_size (chunk), context);
			*(void **) chunk = taken;
			taken = chunk;
		}
	}
	growth_refused = 0;
	while (taken) {
		void *next = *(void **) taken;
		*(void **) taken = NULL;
		free (taken);
		taken = next;
	}
}
