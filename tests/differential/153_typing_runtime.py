"""typing constructs used at runtime: NamedTuple, TypedDict, Protocol with runtime_checkable, generics, get_type_hints, cast."""
import typing
from typing import Generic, NamedTuple, Optional, Protocol, TypedDict, TypeVar

T = TypeVar("T")


class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    level: int = 1


class Movie(TypedDict, total=False):
    title: str
    year: int


@typing.runtime_checkable
class Closer(Protocol):
    def close(self) -> None:
        ...


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None


class File:
    def close(self):
        pass


def main():
    e = Employee("ann")
    print(e, e._replace(level=3), Employee._field_defaults, e.dept)
    m: Movie = {"title": "x"}
    print(m, Movie.__required_keys__ == frozenset(), sorted(Movie.__optional_keys__))
    print(isinstance(File(), Closer), isinstance(1, Closer))
    s = Stack[int]()
    for i in range(5):
        s.push(i)
    print(s.pop(), s.items, Stack[int].__origin__ is Stack)
    print(typing.get_type_hints(Stack.push), typing.cast(int, "not checked"), list[int], dict[str, list[int]])
    print(typing.get_origin(list[int]), typing.get_args(dict[str, int]), Optional[int] == typing.Union[int, None])


main()
main()  # again: the second run goes through code compiled during the first
