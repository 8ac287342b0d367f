"""pprint and textwrap output of data built in compiled loops (width-dependent formatting must match exactly)."""
import pprint
import textwrap


def build():
    data = {"numbers": list(range(25)), "nested": {"a": [1, {"b": "c" * 30}], "tuple": tuple(range(8))}}
    data["words"] = ["word%02d" % i for i in range(12)]
    return data


def main():
    pprint.pprint(build(), width=60)
    print(pprint.pformat(build()["nested"], depth=2))
    text = " ".join("lorem%d ipsum%d" % (i, i) for i in range(20))
    print(textwrap.fill(text, width=40))
    print(textwrap.shorten(text, width=50), textwrap.indent("a\nb", "> "), textwrap.dedent("   x\n   y"))


main()
main()  # again: the second run goes through code compiled during the first
