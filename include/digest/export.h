/* digestcore: symbol visibility. Everything is hidden by default; DG_API marks
 * what leaves libdigest.so. Shared by the C and the C++ headers. */
#ifndef DIGEST_EXPORT_H
#define DIGEST_EXPORT_H

#if defined(DIGEST_STATIC)
#  define DG_API
#elif defined(_WIN32)
#  if defined(DIGEST_BUILDING)
#    define DG_API __declspec(dllexport)
#  else
#    define DG_API __declspec(dllimport)
#  endif
#else
#  define DG_API __attribute__((visibility("default")))
#endif

#if defined(__GNUC__) || defined(__clang__)
#  define DG_DEPRECATED(msg) __attribute__((deprecated(msg)))
#else
#  define DG_DEPRECATED(msg)
#endif

#endif /* DIGEST_EXPORT_H */
