"""frame.f_trace_opcodes: per-instruction 'opcode' trace events on a function that was already compiled (offsets and lines)."""
import dis
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name != "target":
        return None
    frame.f_trace_opcodes = True
    if event == "opcode":
        events.append((frame.f_lineno, dis.opname[frame.f_code.co_code[frame.f_lasti]]))
    else:
        events.append((event, frame.f_lineno))
    return tracer


def target(a, b):
    c = a + b
    if c > 3:
        c = c * 2
    return [c, a]


def main():
    for i in range(5):
        target(i, i)
    sys.settrace(tracer)
    r = target(2, 3)
    sys.settrace(None)
    print(r)
    for e in events:
        print(e)


main()
main()  # again: the second run goes through code compiled during the first
