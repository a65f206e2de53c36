/* digestcore C API: dates. Included by digest/digest.h; follows its conventions. */
#ifndef DIGEST_C_DATES_H
#define DIGEST_C_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_DATES_H */
