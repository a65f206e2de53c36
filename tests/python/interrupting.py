"""Ctrl-C for tests: run a long call while SIGINT keeps arriving."""
import signal
import threading


def interrupted_by_sigint(call):
    """Calls call() while another thread sends SIGINT to the main thread
    every 20 ms; True if it raised KeyboardInterrupt. Only the first signal
    raises: later ones, sent before the sender saw the end, are ignored."""
    started, done = threading.Event(), threading.Event()
    raised = []

    def once(signum, frame):
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
    try:
        started.set()
        call()
    except KeyboardInterrupt:
        return True
    finally:
        done.set()
        sender.join()
        signal.signal(signal.SIGINT, old)
    return False
