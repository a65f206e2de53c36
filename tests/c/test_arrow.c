/* C API: collections and digests as Arrow data (digest/c/arrow.h): the
 * schema a C consumer sees, ownership through the release callbacks, a
 * stream read back, and bad arguments. */
#include <stdio.h>
#include <string.h>

#include "digest/digestcore.h"

static int failures = 0;
#define CHECK(cond)                                                                      \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, \
              #cond, dg_last_error());                                                   \
      ++failures;                                                                        \
    }                                                                                    \
  } while (0)

static const char kDoc[] =
    "{\"digestcore\": 1, \"posts\": ["
    "{\"id\": \"a\", \"title\": \"River talks\", \"posted_on\": \"2021-08-17\","
    " \"cluster\": \"a\", \"story\": \"b\"},"
    "{\"id\": \"b\", \"tags\": [\"x\"]}]}";

/* A one-batch stream over an exported schema and array. */
struct one_batch {
  struct ArrowSchema schema;
  struct ArrowArray array;
  int handed;
};
static int get_schema(struct ArrowArrayStream *s, struct ArrowSchema *out) {
  struct one_batch *b = (struct one_batch *)s->private_data;
  *out = b->schema;
  b->schema.release = NULL;
  return 0;
}
static int get_next(struct ArrowArrayStream *s, struct ArrowArray *out) {
  struct one_batch *b = (struct one_batch *)s->private_data;
  if (b->handed) {
    out->release = NULL;
    return 0;
  }
  *out = b->array;
  b->array.release = NULL;
  b->handed = 1;
  return 0;
}
static const char *last_error(struct ArrowArrayStream *s) {
  (void)s;
  return "none";
}
static void release_stream(struct ArrowArrayStream *s) {
  struct one_batch *b = (struct one_batch *)s->private_data;
  if (b->schema.release) b->schema.release(&b->schema);
  if (b->array.release) b->array.release(&b->array);
  s->release = NULL;
}

int main(void) {
  dg_collection *c = NULL, *back = NULL;
  struct ArrowSchema schema;
  struct ArrowArray array;
  struct one_batch batch;
  struct ArrowArrayStream stream;
  size_t added = 0, n = 0;
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, kDoc, sizeof kDoc - 1, DG_FORMAT_DETECT, NULL) == DG_OK);

  CHECK(dg_collection_posts_to_arrow(c, &schema, &array) == DG_OK);
  CHECK(strcmp(schema.format, "+s") == 0 && schema.n_children == 19);
  CHECK(strcmp(schema.children[0]->name, "id") == 0);
  CHECK(array.length == 2 && array.children[1]->null_count == 1); /* b has no title */
  /* cluster and story (since 0.3) come just before extra, null when not set. */
  CHECK(strcmp(schema.children[16]->name, "cluster") == 0 &&
        strcmp(schema.children[17]->name, "story") == 0 &&
        strcmp(schema.children[18]->name, "extra") == 0);
  CHECK(strcmp(schema.children[16]->format, "u") == 0 && array.children[16]->null_count == 1);

  memset(&batch, 0, sizeof batch);
  batch.schema = schema;
  batch.array = array;
  stream.get_schema = get_schema;
  stream.get_next = get_next;
  stream.get_last_error = last_error;
  stream.release = release_stream;
  stream.private_data = &batch;
  CHECK(dg_collection_new(&back) == DG_OK);
  CHECK(dg_collection_import_arrow(back, &stream, 0, &added) == DG_OK && added == 2);
  CHECK(stream.release == NULL);
  CHECK(dg_collection_post_count(back, &n) == DG_OK && n == 2);
  {
    const dg_post *p = NULL;
    const char *s = NULL;
    size_t len = 0;
    CHECK(dg_collection_find_post(back, "a", 1, &p) == DG_OK);
    CHECK(dg_post_get(p, DG_POST_CLUSTER, &s, &len) == DG_OK && len == 1 && s[0] == 'a');
    CHECK(dg_post_get(p, DG_POST_STORY, &s, &len) == DG_OK && len == 1 && s[0] == 'b');
    CHECK(dg_collection_find_post(back, "b", 1, &p) == DG_OK);
    CHECK(dg_post_get(p, DG_POST_CLUSTER, &s, &len) == DG_OK && len == 0);
  }

  /* The same ids again: nothing added, the stream still consumed. */
  CHECK(dg_collection_posts_to_arrow(c, &batch.schema, &batch.array) == DG_OK);
  batch.handed = 0;
  stream.release = release_stream;
  CHECK(dg_collection_import_arrow(back, &stream, 0, NULL) == DG_E_DUPLICATE_ID);
  CHECK(stream.release == NULL);
  CHECK(dg_collection_post_count(back, &n) == DG_OK && n == 2);

  CHECK(dg_collection_sources_to_arrow(c, &schema, &array) == DG_OK);
  CHECK(array.length == 0 && schema.n_children == 7);
  schema.release(&schema);
  array.release(&array);

  CHECK(dg_collection_posts_to_arrow(NULL, &schema, &array) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_posts_to_arrow(c, NULL, &array) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_import_arrow(back, NULL, 0, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_to_arrow(NULL, &schema, &array) == DG_E_INVALID_ARGUMENT);

  dg_collection_free(c);
  dg_collection_free(back);
  if (failures) {
    fprintf(stderr, "test_arrow: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_arrow: all checks passed\n");
  return 0;
}
