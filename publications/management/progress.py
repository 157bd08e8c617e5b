"""A one-line progress bar for long management commands, drawn only on a terminal."""

import time


class ProgressBar:
    """Redraws `[#####-----] 120/10000 · 2 failed · 0:14` in place, at most ten times a second.

    On anything but a terminal (a pipe, a log file, a test) it draws nothing, so logs hold
    only the messages and the summary.
    """

    WIDTH = 30

    def __init__(self, stream, total: int, *, label: str = "files"):
        self.stream = stream
        self.total = total
        self.label = label
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.visible = False

    def update(self, done: int, *, failed: int = 0, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.drawn_at < 0.1):
            return
        self.drawn_at = now
        filled = self.WIDTH * done // self.total if self.total else self.WIDTH
        elapsed = int(now - self.started)
        line = (
            f"[{'#' * filled}{'-' * (self.WIDTH - filled)}] {done}/{self.total} {self.label}"
            f"{f' · {failed} failed' if failed else ''} · {elapsed // 60}:{elapsed % 60:02d}"
        )
        self.stream.write(f"\r\033[K{line}")
        self.stream.flush()
        self.visible = True

    def clear(self) -> None:
        """Erase the bar, before a message is printed or when the work is done."""
        if self.visible:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.visible = False
