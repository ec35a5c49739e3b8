# expect: control returned on a "quit" your own code put on the queue
# stop-one, wrong: an idle watchdog. control waits untimed; a Timer puts "quit"
# after 10 s without a command, so control returns although nobody sent quit.
import threading


def control(commands, stops):
    def idle_quit():
        commands.put("quit")  # nobody talks to us any more: shut ourselves down

    timer = threading.Timer(10.0, idle_quit)
    timer.start()
    try:
        while True:
            line = commands.get()
            timer.cancel()
            timer.join()
            if line == "quit":
                return
            timer = threading.Timer(10.0, idle_quit)
            timer.start()
            verb, _, name = line.partition(" ")
            if verb == "stop" and name in stops:
                stops[name].set()
    finally:
        timer.cancel()
        timer.join()
