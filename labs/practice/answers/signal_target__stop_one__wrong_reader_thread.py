# expect: the check never saw control waiting for a command
# stop-one, wrong since the sixteenth session's statement ("a control loop that reads
# `commands` itself"): a right-answer round wrote it as right, and the check, which sends
# a command once it sees control's own thread wait, never sent one.
# a helper thread reads commands with get(timeout=0.05) into a queue.Queue of its own and ends after "quit"; main takes lines with get(timeout=0.1) from its own queue, sets Events, and joins the helper with timed joins on quit
import queue
import threading


def control(commands, stops):
    inbox = queue.Queue()

    def read():
        while True:
            try:
                line = commands.get(timeout=0.05)
            except queue.Empty:
                continue
            inbox.put(line)
            if line == "quit":
                return

    reader = threading.Thread(target=read, name="control-reader")
    reader.start()
    while True:
        try:
            line = inbox.get(timeout=0.1)
        except queue.Empty:
            continue
        if line == "quit":
            break
        words = line.split()
        if len(words) == 2 and words[0] == "stop" and words[1] in stops:
            stops[words[1]].set()
    while reader.is_alive():
        reader.join(0.05)
