/* os_memory.c: the runtime's mapped blocks and malloc's free chunks, for the build-time clean-up and memory map. */
#ifndef OS_MEMORY_H
#define OS_MEMORY_H
#include <stddef.h>

/* Every block mmap handed out and still holds, with the name of what asked for it. */
void os_memory_for_each_block (void (*visit) (const void *start, size_t length, const char *label, void *context), void *context);

/* Every free malloc chunk (taken, visited, given back) without growing memory. Build time only: it allocates all. */
void os_memory_for_each_free_chunk (void (*visit) (void *start, size_t length, void *context), void *context);

#endif
