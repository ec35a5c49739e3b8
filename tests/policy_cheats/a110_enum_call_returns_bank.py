# a110 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call/_accounts: an enum.Enum subclass inherits EnumType.__call__ and Enum.__new__ (unseen), which return what its _value2member_map_ holds; the bank put there comes back from Kind("mine"), a name the policy reads as an own instance
import enum


class Kind(enum.Enum):
    ONE = 1


def transfer(bank, lock, src, dst, amount):
    Kind._value2member_map_["mine"] = bank   # an own class's private attribute: allowed
    mine = Kind("mine")                        # read as "an instance of an own class"
    return mine._call, mine._accounts         # ... so its private attributes are allowed
