# expect: your function returned: still running at the end of the run: shutdown
# lost-task/shutdown, wrong (twelfth hostile reading, eighteenth session): a string sentinel
# where the statement names None. The grader's own fates() sorted the tasks done and
# crashed on "STOP" beside 0 to 11 (a traceback, exit 1); it sorts the check's tasks first now.
def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put("STOP")
    for t in consumers:
        t.join()
