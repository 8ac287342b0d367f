//! CPython 3.11 opcodes: numbers, names, inline-cache sizes and stack
//! effects. `tests/opcode.rs` checks this table against the running
//! interpreter's `opcode` and `dis` modules.

macro_rules! opcodes {
    ($($name:ident = $value:literal, $caches:literal;)*) => {
        /// A base (unspecialised) 3.11 opcode.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Op {
            $($name = $value,)*
        }

        impl Op {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];

            pub fn from_u8(byte: u8) -> Option<Op> {
                match byte {
                    $($value => Some(Op::$name),)*
                    _ => None,
                }
            }

            pub fn name(self) -> &'static str {
                match self {
                    $(Op::$name => stringify!($name),)*
                }
            }

            /// Inline CACHE code units that follow the instruction.
            pub fn caches(self) -> u32 {
                match self {
                    $(Op::$name => $caches,)*
                }
            }
        }
    };
}

opcodes! {
    CACHE = 0, 0;
    POP_TOP = 1, 0;
    PUSH_NULL = 2, 0;
    NOP = 9, 0;
    UNARY_POSITIVE = 10, 0;
    UNARY_NEGATIVE = 11, 0;
    UNARY_NOT = 12, 0;
    UNARY_INVERT = 15, 0;
    BINARY_SUBSCR = 25, 4;
    GET_LEN = 30, 0;
    MATCH_MAPPING = 31, 0;
    MATCH_SEQUENCE = 32, 0;
    MATCH_KEYS = 33, 0;
    PUSH_EXC_INFO = 35, 0;
    CHECK_EXC_MATCH = 36, 0;
    CHECK_EG_MATCH = 37, 0;
    WITH_EXCEPT_START = 49, 0;
    GET_AITER = 50, 0;
    GET_ANEXT = 51, 0;
    BEFORE_ASYNC_WITH = 52, 0;
    BEFORE_WITH = 53, 0;
    END_ASYNC_FOR = 54, 0;
    STORE_SUBSCR = 60, 1;
    DELETE_SUBSCR = 61, 0;
    GET_ITER = 68, 0;
    GET_YIELD_FROM_ITER = 69, 0;
    PRINT_EXPR = 70, 0;
    LOAD_BUILD_CLASS = 71, 0;
    LOAD_ASSERTION_ERROR = 74, 0;
    RETURN_GENERATOR = 75, 0;
    LIST_TO_TUPLE = 82, 0;
    RETURN_VALUE = 83, 0;
    IMPORT_STAR = 84, 0;
    SETUP_ANNOTATIONS = 85, 0;
    YIELD_VALUE = 86, 0;
    ASYNC_GEN_WRAP = 87, 0;
    PREP_RERAISE_STAR = 88, 0;
    POP_EXCEPT = 89, 0;
    STORE_NAME = 90, 0;
    DELETE_NAME = 91, 0;
    UNPACK_SEQUENCE = 92, 1;
    FOR_ITER = 93, 0;
    UNPACK_EX = 94, 0;
    STORE_ATTR = 95, 4;
    DELETE_ATTR = 96, 0;
    STORE_GLOBAL = 97, 0;
    DELETE_GLOBAL = 98, 0;
    SWAP = 99, 0;
    LOAD_CONST = 100, 0;
    LOAD_NAME = 101, 0;
    BUILD_TUPLE = 102, 0;
    BUILD_LIST = 103, 0;
    BUILD_SET = 104, 0;
    BUILD_MAP = 105, 0;
    LOAD_ATTR = 106, 4;
    COMPARE_OP = 107, 2;
    IMPORT_NAME = 108, 0;
    IMPORT_FROM = 109, 0;
    JUMP_FORWARD = 110, 0;
    JUMP_IF_FALSE_OR_POP = 111, 0;
    JUMP_IF_TRUE_OR_POP = 112, 0;
    POP_JUMP_FORWARD_IF_FALSE = 114, 0;
    POP_JUMP_FORWARD_IF_TRUE = 115, 0;
    LOAD_GLOBAL = 116, 5;
    IS_OP = 117, 0;
    CONTAINS_OP = 118, 0;
    RERAISE = 119, 0;
    COPY = 120, 0;
    BINARY_OP = 122, 1;
    SEND = 123, 0;
    LOAD_FAST = 124, 0;
    STORE_FAST = 125, 0;
    DELETE_FAST = 126, 0;
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, 0;
    POP_JUMP_FORWARD_IF_NONE = 129, 0;
    RAISE_VARARGS = 130, 0;
    GET_AWAITABLE = 131, 0;
    MAKE_FUNCTION = 132, 0;
    BUILD_SLICE = 133, 0;
    JUMP_BACKWARD_NO_INTERRUPT = 134, 0;
    MAKE_CELL = 135, 0;
    LOAD_CLOSURE = 136, 0;
    LOAD_DEREF = 137, 0;
    STORE_DEREF = 138, 0;
    DELETE_DEREF = 139, 0;
    JUMP_BACKWARD = 140, 0;
    CALL_FUNCTION_EX = 142, 0;
    EXTENDED_ARG = 144, 0;
    LIST_APPEND = 145, 0;
    SET_ADD = 146, 0;
    MAP_ADD = 147, 0;
    LOAD_CLASSDEREF = 148, 0;
    COPY_FREE_VARS = 149, 0;
    RESUME = 151, 0;
    MATCH_CLASS = 152, 0;
    FORMAT_VALUE = 155, 0;
    BUILD_CONST_KEY_MAP = 156, 0;
    BUILD_STRING = 157, 0;
    LOAD_METHOD = 160, 10;
    LIST_EXTEND = 162, 0;
    SET_UPDATE = 163, 0;
    DICT_MERGE = 164, 0;
    DICT_UPDATE = 165, 0;
    PRECALL = 166, 1;
    CALL = 171, 4;
    KW_NAMES = 172, 0;
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, 0;
    POP_JUMP_BACKWARD_IF_NONE = 174, 0;
    POP_JUMP_BACKWARD_IF_FALSE = 175, 0;
    POP_JUMP_BACKWARD_IF_TRUE = 176, 0;
}

/// `FORMAT_VALUE` flag: a format spec is on the stack.
pub const FVS_HAVE_SPEC: u32 = 0x4;
/// `FORMAT_VALUE` conversion mask and values.
pub const FVC_MASK: u32 = 0x3;
pub const FVC_STR: u32 = 0x1;
pub const FVC_REPR: u32 = 0x2;
pub const FVC_ASCII: u32 = 0x3;

impl Op {
    /// The jump target of a relative jump at code unit `next` (the unit after
    /// the instruction's caches), or `None` for non-jumps.
    pub fn jump_target(self, oparg: u32, next: u32) -> Option<u32> {
        use Op::*;
        match self {
            FOR_ITER | JUMP_FORWARD | JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP
            | POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE | SEND
            | POP_JUMP_FORWARD_IF_NOT_NONE | POP_JUMP_FORWARD_IF_NONE => Some(next + oparg),
            JUMP_BACKWARD_NO_INTERRUPT | JUMP_BACKWARD | POP_JUMP_BACKWARD_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_NONE | POP_JUMP_BACKWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_TRUE => {
                next.checked_sub(oparg)
            }
            _ => None,
        }
    }

    /// True if execution never falls through to the next instruction.
    pub fn ends_flow(self) -> bool {
        use Op::*;
        matches!(
            self,
            RETURN_VALUE | RAISE_VARARGS | RERAISE | JUMP_FORWARD | JUMP_BACKWARD
                | JUMP_BACKWARD_NO_INTERRUPT
        )
    }

    /// Change in value-stack depth when the instruction completes, at run
    /// time (`jump`: along its jump edge). Unlike the compiler's accounting,
    /// PRECALL leaves the stack as it is and CALL pops its whole frame:
    /// the depth between them is the real one, as resuming needs.
    pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
        use Op::*;
        let n = oparg as i32;
        match self {
            CACHE | NOP | EXTENDED_ARG | RESUME | SWAP | UNARY_POSITIVE | UNARY_NEGATIVE
            | UNARY_NOT | UNARY_INVERT | GET_ITER | SETUP_ANNOTATIONS | ASYNC_GEN_WRAP
            | YIELD_VALUE | DELETE_NAME | DELETE_GLOBAL | LOAD_ATTR | CHECK_EXC_MATCH
            | CHECK_EG_MATCH | JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT
            | DELETE_FAST | RETURN_GENERATOR | KW_NAMES | PRECALL | MAKE_CELL | COPY_FREE_VARS
            | DELETE_DEREF | GET_AWAITABLE | GET_AITER | GET_YIELD_FROM_ITER | LIST_TO_TUPLE => 0,
            POP_TOP | SET_ADD | LIST_APPEND | BINARY_SUBSCR | PRINT_EXPR | RETURN_VALUE
            | IMPORT_STAR | POP_EXCEPT | STORE_NAME | DELETE_ATTR | STORE_GLOBAL | COMPARE_OP
            | IS_OP | CONTAINS_OP | IMPORT_NAME | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NOT_NONE
            | POP_JUMP_FORWARD_IF_NOT_NONE | POP_JUMP_FORWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE
            | PREP_RERAISE_STAR | RERAISE | STORE_FAST | STORE_DEREF | LIST_EXTEND | SET_UPDATE
            | DICT_MERGE | DICT_UPDATE | BINARY_OP => -1,
            MAP_ADD | DELETE_SUBSCR | STORE_ATTR | END_ASYNC_FOR | MATCH_CLASS => -2,
            STORE_SUBSCR => -3,
            LOAD_BUILD_CLASS | LOAD_CONST | LOAD_NAME | IMPORT_FROM | PUSH_EXC_INFO
            | WITH_EXCEPT_START | LOAD_FAST | LOAD_CLOSURE | LOAD_DEREF | LOAD_CLASSDEREF
            | BEFORE_ASYNC_WITH | BEFORE_WITH | GET_ANEXT | LOAD_METHOD | LOAD_ASSERTION_ERROR
            | GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS | COPY | PUSH_NULL => 1,
            UNPACK_SEQUENCE => n - 1,
            UNPACK_EX => (n & 0xff) + (n >> 8),
            FOR_ITER => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            SEND => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - n,
            BUILD_MAP => 1 - 2 * n,
            BUILD_CONST_KEY_MAP => -n,
            JUMP_IF_TRUE_OR_POP | JUMP_IF_FALSE_OR_POP => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            LOAD_GLOBAL => (n & 1) + 1,
            RAISE_VARARGS => -n,
            CALL => -(n + 1),
            CALL_FUNCTION_EX => -2 - (n & 1),
            MAKE_FUNCTION => -((n & 1) + ((n >> 1) & 1) + ((n >> 2) & 1) + ((n >> 3) & 1)),
            BUILD_SLICE => {
                if n == 3 {
                    -2
                } else {
                    -1
                }
            }
            FORMAT_VALUE => {
                if oparg & FVS_HAVE_SPEC != 0 {
                    -1
                } else {
                    0
                }
            }
        }
    }
}

/// Specialised forms of 3.11 instructions whose inline caches the
/// compiler reads (Include/opcode.h, with the layouts of
/// Include/internal/pycore_code.h: `_PyAttrCache` is counter,
/// version[2], index; `_PyLoadMethodCache` is counter, type_version[2],
/// dict_offset, keys_version[2], descr[4]).
pub mod specialised {
    pub const LOAD_ATTR_INSTANCE_VALUE: u8 = 40;
    pub const LOAD_ATTR_SLOT: u8 = 42;
    pub const LOAD_METHOD_NO_DICT: u8 = 59;
    pub const LOAD_METHOD_WITH_VALUES: u8 = 63;
    pub const STORE_ATTR_INSTANCE_VALUE: u8 = 154;
    pub const STORE_ATTR_SLOT: u8 = 158;
}

/// The base opcode of a byte in the adaptive (quickened) bytecode: base
/// opcodes map to themselves, specialised forms to the opcode they
/// specialise (`_PyOpcode_Deopt`, which is not exported).
pub fn deoptimize(byte: u8) -> Option<Op> {
    if let Some(op) = Op::from_u8(byte) {
        return Some(op);
    }
    Some(match byte {
        3 => Op::BINARY_OP, // BINARY_OP_ADAPTIVE
        4 => Op::BINARY_OP, // BINARY_OP_ADD_FLOAT
        5 => Op::BINARY_OP, // BINARY_OP_ADD_INT
        6 => Op::BINARY_OP, // BINARY_OP_ADD_UNICODE
        7 => Op::BINARY_OP, // BINARY_OP_INPLACE_ADD_UNICODE
        8 => Op::BINARY_OP, // BINARY_OP_MULTIPLY_FLOAT
        13 => Op::BINARY_OP, // BINARY_OP_MULTIPLY_INT
        14 => Op::BINARY_OP, // BINARY_OP_SUBTRACT_FLOAT
        16 => Op::BINARY_OP, // BINARY_OP_SUBTRACT_INT
        17 => Op::BINARY_SUBSCR, // BINARY_SUBSCR_ADAPTIVE
        18 => Op::BINARY_SUBSCR, // BINARY_SUBSCR_DICT
        19 => Op::BINARY_SUBSCR, // BINARY_SUBSCR_GETITEM
        20 => Op::BINARY_SUBSCR, // BINARY_SUBSCR_LIST_INT
        21 => Op::BINARY_SUBSCR, // BINARY_SUBSCR_TUPLE_INT
        22 => Op::CALL, // CALL_ADAPTIVE
        23 => Op::CALL, // CALL_PY_EXACT_ARGS
        24 => Op::CALL, // CALL_PY_WITH_DEFAULTS
        26 => Op::COMPARE_OP, // COMPARE_OP_ADAPTIVE
        27 => Op::COMPARE_OP, // COMPARE_OP_FLOAT_JUMP
        28 => Op::COMPARE_OP, // COMPARE_OP_INT_JUMP
        29 => Op::COMPARE_OP, // COMPARE_OP_STR_JUMP
        34 => Op::EXTENDED_ARG, // EXTENDED_ARG_QUICK
        38 => Op::JUMP_BACKWARD, // JUMP_BACKWARD_QUICK
        39 => Op::LOAD_ATTR, // LOAD_ATTR_ADAPTIVE
        40 => Op::LOAD_ATTR, // LOAD_ATTR_INSTANCE_VALUE
        41 => Op::LOAD_ATTR, // LOAD_ATTR_MODULE
        42 => Op::LOAD_ATTR, // LOAD_ATTR_SLOT
        43 => Op::LOAD_ATTR, // LOAD_ATTR_WITH_HINT
        44 => Op::LOAD_CONST, // LOAD_CONST__LOAD_FAST
        45 => Op::LOAD_FAST, // LOAD_FAST__LOAD_CONST
        46 => Op::LOAD_FAST, // LOAD_FAST__LOAD_FAST
        47 => Op::LOAD_GLOBAL, // LOAD_GLOBAL_ADAPTIVE
        48 => Op::LOAD_GLOBAL, // LOAD_GLOBAL_BUILTIN
        55 => Op::LOAD_GLOBAL, // LOAD_GLOBAL_MODULE
        56 => Op::LOAD_METHOD, // LOAD_METHOD_ADAPTIVE
        57 => Op::LOAD_METHOD, // LOAD_METHOD_CLASS
        58 => Op::LOAD_METHOD, // LOAD_METHOD_MODULE
        59 => Op::LOAD_METHOD, // LOAD_METHOD_NO_DICT
        62 => Op::LOAD_METHOD, // LOAD_METHOD_WITH_DICT
        63 => Op::LOAD_METHOD, // LOAD_METHOD_WITH_VALUES
        64 => Op::PRECALL, // PRECALL_ADAPTIVE
        65 => Op::PRECALL, // PRECALL_BOUND_METHOD
        66 => Op::PRECALL, // PRECALL_BUILTIN_CLASS
        67 => Op::PRECALL, // PRECALL_BUILTIN_FAST_WITH_KEYWORDS
        72 => Op::PRECALL, // PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS
        73 => Op::PRECALL, // PRECALL_NO_KW_BUILTIN_FAST
        76 => Op::PRECALL, // PRECALL_NO_KW_BUILTIN_O
        77 => Op::PRECALL, // PRECALL_NO_KW_ISINSTANCE
        78 => Op::PRECALL, // PRECALL_NO_KW_LEN
        79 => Op::PRECALL, // PRECALL_NO_KW_LIST_APPEND
        80 => Op::PRECALL, // PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST
        81 => Op::PRECALL, // PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS
        113 => Op::PRECALL, // PRECALL_NO_KW_METHOD_DESCRIPTOR_O
        121 => Op::PRECALL, // PRECALL_NO_KW_STR_1
        127 => Op::PRECALL, // PRECALL_NO_KW_TUPLE_1
        141 => Op::PRECALL, // PRECALL_NO_KW_TYPE_1
        143 => Op::PRECALL, // PRECALL_PYFUNC
        150 => Op::RESUME, // RESUME_QUICK
        153 => Op::STORE_ATTR, // STORE_ATTR_ADAPTIVE
        154 => Op::STORE_ATTR, // STORE_ATTR_INSTANCE_VALUE
        158 => Op::STORE_ATTR, // STORE_ATTR_SLOT
        159 => Op::STORE_ATTR, // STORE_ATTR_WITH_HINT
        161 => Op::STORE_FAST, // STORE_FAST__LOAD_FAST
        167 => Op::STORE_FAST, // STORE_FAST__STORE_FAST
        168 => Op::STORE_SUBSCR, // STORE_SUBSCR_ADAPTIVE
        169 => Op::STORE_SUBSCR, // STORE_SUBSCR_DICT
        170 => Op::STORE_SUBSCR, // STORE_SUBSCR_LIST_INT
        177 => Op::UNPACK_SEQUENCE, // UNPACK_SEQUENCE_ADAPTIVE
        178 => Op::UNPACK_SEQUENCE, // UNPACK_SEQUENCE_LIST
        179 => Op::UNPACK_SEQUENCE, // UNPACK_SEQUENCE_TUPLE
        180 => Op::UNPACK_SEQUENCE, // UNPACK_SEQUENCE_TWO_TUPLE
        _ => return None,
    })
}

/// The code's bytecode as `co_code` shows it: each instruction of the
/// adaptive bytecode `units` with its base opcode and its inline caches
/// zeroed (`deopt_code` in Objects/codeobject.c). Reading it this way
/// keeps `PyCode_GetCode` from caching a copy on the code object. None
/// for a byte that is no opcode.
pub fn deoptimized_bytes(units: &[u16]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(units.len() * 2);
    let mut i = 0;
    while i < units.len() {
        let op = deoptimize(units[i] as u8)?;
        out.extend([op as u8, (units[i] >> 8) as u8]);
        let caches = (op.caches() as usize).min(units.len() - i - 1);
        out.extend(std::iter::repeat(0).take(2 * caches));
        i += 1 + caches;
    }
    Some(out)
}
