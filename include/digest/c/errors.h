/* digestcore C API: status codes, the last error, buffers and the version
 * (the C side of result.hpp).
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. */
#ifndef DIGEST_C_ERRORS_H
#define DIGEST_C_ERRORS_H

#include <stddef.h>
#include <stdint.h>

#include "digest/export.h"
#include "digest/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status codes (stable) ------------------------------------------------ */

/* What every function returns (as an int). The values are stable: they never
 * change meaning and are never reused. New codes may be added; treat any
 * other negative value as a failure (dg_status_name gives "DG_E_UNKNOWN"). */
typedef enum dg_status {
  DG_OK = 0,
  DG_E_INVALID_ARGUMENT = -1, /* a NULL, out-of-range or ill-formed argument */
  DG_E_PARSE = -2,            /* malformed input */
  DG_E_INVALID_UTF8 = -3,     /* input is not well-formed UTF-8 */
  DG_E_WRONG_TYPE = -4,       /* a JSON value of the wrong type */
  DG_E_MISSING_FIELD = -5,    /* a required field is absent */
  DG_E_DUPLICATE_ID = -6,     /* an id already in the collection or registry */
  DG_E_NOT_FOUND = -7,        /* a lookup found nothing */
  DG_E_IO = -8,               /* a file could not be read or written */
  DG_E_LIMIT = -9,            /* input over a documented limit */
  DG_E_INTERNAL = -10,        /* a bug in digestcore */
  DG_E_NO_MEMORY = -11,       /* allocation failed */
  DG_E_CANCELLED = -12,       /* the caller asked a long call to stop (since 0.2) */
  DG_E_FILE_NOT_FOUND = -13   /* the file, or a folder on its path, does not exist (since 0.3) */
} dg_status;

/* The name of a status as written in this header ("DG_OK", "DG_E_PARSE");
 * "DG_E_UNKNOWN" for any other value. Never NULL; the string is static and
 * NUL-terminated. Since 0.2. */
DG_API const char *dg_status_name(int status);

/* ---- the last error ------------------------------------------------------- */

/* Every function that returns a status records its outcome for the calling
 * thread: a failure sets all of the values below, a success clears them (""
 * and DG_OK). The functions below only read them. The strings are owned by
 * the library, NUL-terminated, never NULL, and valid until the next call
 * that returns a status on this thread. */

/* The whole error on one line: "FILE:LINE: byte OFFSET: field FIELD: MESSAGE"
 * with the unknown parts left out. Since 0.1. */
DG_API const char *dg_last_error(void);
/* The status the last call returned (DG_OK after a success). Since 0.2. */
DG_API int dg_last_error_code(void);
/* The message alone, without file, position or field. Since 0.2. */
DG_API const char *dg_last_error_message(void);
/* The name of the input file the error is in ("" when it was not a file or
 * is unknown). Since 0.2. */
DG_API const char *dg_last_error_file(void);
/* The field the error is about: a JSON path such as "posts[3].title" for
 * input errors, or the name of an argument or option field ("title",
 * "entity_tag_prefix"); "" when unknown. Since 0.2. */
DG_API const char *dg_last_error_field(void);
/* Position of the last failure: 1-based line (0 if unknown) and 0-based byte
 * offset (-1 if unknown; into the line for JSON Lines, else into the input
 * or the string argument named by dg_last_error_field). Either pointer may
 * be NULL. Always DG_OK. Since 0.1. */
DG_API int dg_last_error_position(uint64_t *out_line, int64_t *out_offset);

/* The parts of an error, for the functions that hand out stored errors
 * (dg_import_report_skipped_text). */
typedef enum dg_error_text {
  DG_ERROR_TEXT_FULL = 0,    /* as dg_last_error() */
  DG_ERROR_TEXT_MESSAGE = 1, /* as dg_last_error_message() */
  DG_ERROR_TEXT_FILE = 2,    /* as dg_last_error_file() */
  DG_ERROR_TEXT_FIELD = 3,   /* as dg_last_error_field() */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_ERROR_TEXT_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_ERROR_TEXT_FORCE_INT = 0x7fffffff
} dg_error_text;

/* ---- version --------------------------------------------------------------- */

/* The version of the library loaded at run time: "0.2.0" (a static string)
 * and DG_VERSION_NUMBER's encoding. Compare with DG_VERSION_NUMBER for the
 * version of the headers. Since 0.1. */
DG_API const char *dg_version(void);
DG_API unsigned dg_version_number(void);

/* ---- buffers ---------------------------------------------------------------- */

/* Bytes produced by the library (exports, renders, normalised text). */
typedef struct dg_buffer dg_buffer;

/* The bytes, NUL-terminated (the NUL is not counted by dg_buffer_size). The
 * pointer is owned by the buffer and valid until it is freed; "" for NULL.
 * Since 0.1. */
DG_API const char *dg_buffer_data(const dg_buffer *buffer);
/* Number of bytes, without the terminating NUL; 0 for NULL. Since 0.1. */
DG_API size_t dg_buffer_size(const dg_buffer *buffer);
/* Frees a buffer; accepts NULL. Since 0.1. */
DG_API void dg_buffer_free(dg_buffer *buffer);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_ERRORS_H */
