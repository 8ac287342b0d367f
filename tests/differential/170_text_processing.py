"""Text processing: word frequencies, case folding, unicode normalization, str.translate, splitting and joining in loops."""
import unicodedata

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
Straße STRASSE café cafe\u0301 ﬁne"""


def words(text):
    table = str.maketrans({c: " " for c in ",.;:!?"})
    return text.translate(table).split()


def main():
    freq = {}
    for w in words(TEXT):
        key = w.casefold()
        freq[key] = freq.get(key, 0) + 1
    top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    print(top)
    print("Straße".casefold() == "STRASSE".casefold(), "Straße".lower(), "ﬁne".upper())
    a, b = "café", "cafe\u0301"
    print(a == b, unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b), len(a), len(b))
    print(unicodedata.name("é"), unicodedata.category("A"), "ǅ".istitle(), "٣".isdigit(), "Ⅻ".isnumeric())
    lines = TEXT.splitlines()
    print([len(line) for line in lines], "|".join(l[:10] for l in lines), TEXT.count("it was"))
    acrostic = "".join(line[0] for line in lines)
    print(acrostic, TEXT.title()[:30], TEXT.swapcase()[:20], "x".zfill(5), "-5".zfill(4))


main()
main()  # again: the second run goes through code compiled during the first
