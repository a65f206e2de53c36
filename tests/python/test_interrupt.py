"""Ctrl-C during a long import stops it, raises KeyboardInterrupt, and leaves
the collection as it was."""
import signal
import threading

import digestcore


def _big_jsonl(n):
    return "".join('{"id": "p%d", "title": "Title %d", "excerpt": "Some words here."}\n' % (i, i)
                   for i in range(n))


def test_sigint_stops_an_import_and_changes_nothing():
    coll = digestcore.Collection()
    coll.import_json('{"digestcore": 1, "posts": [{"id": "keep"}]}')
    before = coll.to_json()
    text = _big_jsonl(400_000)
    started, done = threading.Event(), threading.Event()
    raised = []

    def once(signum, frame):
        # Only the first signal interrupts; later ones (sent before the
        # sender saw the import end) are ignored.
        if not raised:
            raised.append(signum)
            raise KeyboardInterrupt

    def keep_interrupting():
        started.wait()
        while not done.wait(0.02):
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)

    old = signal.signal(signal.SIGINT, once)
    sender = threading.Thread(target=keep_interrupting)
    sender.start()
    interrupted = False
    try:
        started.set()
        coll.import_json(text)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        done.set()
        sender.join()
        signal.signal(signal.SIGINT, old)
    assert interrupted, "the import ran to the end despite SIGINT"
    assert len(coll) == 1
    assert coll.to_json() == before
    coll.import_json(_big_jsonl(10))  # the collection still works
    assert len(coll) == 11
