/* The few Extism-kernel imports the C side uses itself (to report a failure the managed side could not).
   Same C names as the generated pinvoke table's, so the linker merges them into one import each. */
#ifndef PLUGIN_EXTISM_H
#define PLUGIN_EXTISM_H
#include <stdint.h>

#define EXTISM_ENV(name) __attribute__((import_module("extism:host/env"), import_name(#name)))

EXTISM_ENV(alloc) int64_t extism_env_alloc (int64_t length);
EXTISM_ENV(store_u8) void extism_env_store_u8 (int64_t offset, int32_t value);
EXTISM_ENV(error_set) void extism_env_error_set (int64_t offset);
EXTISM_ENV(log_error) void extism_env_log_error (int64_t offset);

#endif
