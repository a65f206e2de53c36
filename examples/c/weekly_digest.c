/*
 * weekly_digest (C): loads a collection and prints the Markdown digest of one
 * ISO week, through the C API in digest/digestcore.h.
 *
 *   weekly_digest_c [COLLECTION] [WEEK]
 *
 * COLLECTION defaults to examples/data/collection.json (format detected);
 * WEEK defaults to 2021-W33. Every call's status is checked; on failure the
 * program prints dg_last_error() and exits 1.
 */
#include <stdio.h>
#include <string.h>

#include "digest/digestcore.h"

/* Prints what failed, with the library's message and position. */
static int fail(const char *what, int status) {
  uint64_t line = 0;
  int64_t offset = -1;
  fprintf(stderr, "weekly_digest_c: %s failed (%s): %s\n", what, dg_status_name(status),
          dg_last_error());
  if (dg_last_error_position(&line, &offset) == DG_OK && (line != 0 || offset >= 0)) {
    fprintf(stderr, "  at line %llu, byte %lld\n", (unsigned long long)line,
            (long long)offset);
  }
  return 1;
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "examples/data/collection.json";
  const char *week = argc > 2 ? argv[2] : "2021-W33";
  dg_collection *collection = NULL;
  dg_digest *digest = NULL;
  dg_buffer *markdown = NULL;
  size_t added = 0, count = 0;
  int rc = 1;
  int st;

  if (argc > 3 || (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))) {
    fprintf(stderr, "usage: %s [COLLECTION] [WEEK]\n", argv[0]);
    return 2;
  }

  if ((st = dg_collection_new(&collection)) != DG_OK) {
    return fail("dg_collection_new", st);
  }
  if ((st = dg_collection_import_file(collection, path, DG_FORMAT_DETECT, &added)) != DG_OK) {
    rc = fail("dg_collection_import_file", st);
    goto done;
  }
  fprintf(stderr, "loaded %zu posts from %s\n", added, path);

  if ((st = dg_digest_build_week(collection, week, strlen(week), &digest)) != DG_OK) {
    rc = fail("dg_digest_build_week", st);
    goto done;
  }
  if ((st = dg_digest_post_count(digest, &count)) != DG_OK) {
    rc = fail("dg_digest_post_count", st);
    goto done;
  }
  fprintf(stderr, "%s: %zu posts\n", week, count);

  if ((st = dg_digest_render(digest, DG_RENDER_MARKDOWN, &markdown)) != DG_OK) {
    rc = fail("dg_digest_render", st);
    goto done;
  }
  /* The buffer may hold any bytes; write it by size, not as a C string. */
  if (fwrite(dg_buffer_data(markdown), 1, dg_buffer_size(markdown), stdout) !=
      dg_buffer_size(markdown)) {
    fprintf(stderr, "weekly_digest_c: could not write the digest\n");
    goto done;
  }
  rc = 0;

done:
  /* The free functions accept NULL. */
  dg_buffer_free(markdown);
  dg_digest_free(digest);
  dg_collection_free(collection);
  return rc;
}
