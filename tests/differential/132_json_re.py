"""json round trips and re matching/substitution in compiled loops (sort_keys for deterministic dumps)."""
import json
import re

LOG = """2024-01-05 ERROR disk full on /dev/sda1
2024-01-06 INFO backup done
2024-01-07 WARN temperature 81C
2024-01-08 ERROR fan failure"""


def parse(log):
    pat = re.compile(r"(?P<date>\d{4}-\d\d-\d\d) (?P<level>[A-Z]+) (?P<msg>.*)")
    out = []
    for line in log.splitlines():
        m = pat.match(line)
        if m and m.group("level") != "INFO":
            out.append(m.groupdict())
    return out


def main():
    entries = parse(LOG)
    text = json.dumps(entries, sort_keys=True)
    print(text)
    back = json.loads(text)
    print(back == entries, json.dumps({"b": [1, 2.5, None, True], "a": "é"}, sort_keys=True, ensure_ascii=False))
    print(json.dumps({"z": 1, "y": {"x": []}}, indent=2, sort_keys=True))
    print(re.sub(r"(\d+)", lambda m: str(int(m.group(1)) * 2), "a1b22c333"), re.findall(r"\b\w{4}\b", LOG)[:5])
    print(re.split(r"[,;]\s*", "a, b;c,d"), bool(re.fullmatch(r"[a-z]+", "abc")), re.escape("a.b*c"))
    try:
        json.loads("{bad json}")
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
    try:
        re.compile("(unclosed")
    except re.error as e:
        print("re.error:", e)
    try:
        json.dumps({1, 2})
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
