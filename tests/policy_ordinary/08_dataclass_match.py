import dataclasses


@dataclasses.dataclass
class Move:
    src: str
    dst: str


def describe(cmd):
    match cmd:
        case Move(src, dst):
            return f"move {src} -> {dst}"
    return "?"
