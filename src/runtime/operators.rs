//! Unary, binary, comparison, subscript, truth-test and string-building
//! instructions.

use super::{bool_ref, op_helper, Obj};
use crate::cpython::api;
use crate::cpython::opcode::{FVC_ASCII, FVC_MASK, FVC_REPR, FVC_STR, FVS_HAVE_SPEC};
use pyo3::ffi;

/// `binary_ops[oparg]` of ceval.c (NB_* order).
unsafe fn binary(op: u32, l: Obj, r: Obj) -> Obj {
    // SAFETY: live operands, GIL held (caller).
    unsafe {
        match op {
            0 => ffi::PyNumber_Add(l, r),
            1 => ffi::PyNumber_And(l, r),
            2 => ffi::PyNumber_FloorDivide(l, r),
            3 => ffi::PyNumber_Lshift(l, r),
            4 => ffi::PyNumber_MatrixMultiply(l, r),
            5 => ffi::PyNumber_Multiply(l, r),
            6 => ffi::PyNumber_Remainder(l, r),
            7 => ffi::PyNumber_Or(l, r),
            8 => ffi::PyNumber_Power(l, r, ffi::Py_None()),
            9 => ffi::PyNumber_Rshift(l, r),
            10 => ffi::PyNumber_Subtract(l, r),
            11 => ffi::PyNumber_TrueDivide(l, r),
            12 => ffi::PyNumber_Xor(l, r),
            13 => ffi::PyNumber_InPlaceAdd(l, r),
            14 => ffi::PyNumber_InPlaceAnd(l, r),
            15 => ffi::PyNumber_InPlaceFloorDivide(l, r),
            16 => ffi::PyNumber_InPlaceLshift(l, r),
            17 => ffi::PyNumber_InPlaceMatrixMultiply(l, r),
            18 => ffi::PyNumber_InPlaceMultiply(l, r),
            19 => ffi::PyNumber_InPlaceRemainder(l, r),
            20 => ffi::PyNumber_InPlaceOr(l, r),
            21 => ffi::PyNumber_InPlacePower(l, r, ffi::Py_None()),
            22 => ffi::PyNumber_InPlaceRshift(l, r),
            23 => ffi::PyNumber_InPlaceSubtract(l, r),
            24 => ffi::PyNumber_InPlaceTrueDivide(l, r),
            25 => ffi::PyNumber_InPlaceXor(l, r),
            _ => {
                ffi::PyErr_SetString(ffi::PyExc_SystemError, c"bad BINARY_OP oparg".as_ptr());
                std::ptr::null_mut()
            }
        }
    }
}

op_helper! {
    /// BINARY_OP. Error: depth - 1, top NULL.
    fn binary_op(tstate, frame, sp, oparg) {
        let rhs = sp.peek(1);
        let lhs = sp.peek(2);
        let res = binary(oparg, lhs, rhs);
        ffi::Py_DECREF(lhs);
        ffi::Py_DECREF(rhs);
        sp.set(2, res);
        if res.is_null() { -1 } else { 0 }
    }
}

/// The three unary operators that map a value to a value.
unsafe fn unary(sp: super::Sp, f: unsafe extern "C" fn(Obj) -> Obj) -> i32 {
    // SAFETY: TOP is a live object (caller).
    unsafe {
        let value = sp.peek(1);
        let res = f(value);
        ffi::Py_DECREF(value);
        sp.set(1, res);
        if res.is_null() { -1 } else { 0 }
    }
}

op_helper! {
    /// UNARY_POSITIVE. Error: same depth, top NULL.
    fn unary_positive(tstate, frame, sp, oparg) { unary(sp, ffi::PyNumber_Positive) }
}
op_helper! {
    /// UNARY_NEGATIVE. Error: same depth, top NULL.
    fn unary_negative(tstate, frame, sp, oparg) { unary(sp, ffi::PyNumber_Negative) }
}
op_helper! {
    /// UNARY_INVERT. Error: same depth, top NULL.
    fn unary_invert(tstate, frame, sp, oparg) { unary(sp, ffi::PyNumber_Invert) }
}

op_helper! {
    /// UNARY_NOT. Error: depth - 1.
    fn unary_not(tstate, frame, sp, oparg) {
        let value = sp.peek(1);
        let err = ffi::PyObject_IsTrue(value);
        ffi::Py_DECREF(value);
        if err < 0 {
            return -1;
        }
        sp.set(1, bool_ref(err == 0));
        0
    }
}

op_helper! {
    /// The slow path of POP_JUMP_*_IF_TRUE/FALSE: pops the condition and
    /// returns its truth (1, 0) or -1. Error: depth - 1.
    fn pop_truth(tstate, frame, sp, oparg) {
        let cond = sp.peek(1);
        let err = ffi::PyObject_IsTrue(cond);
        ffi::Py_DECREF(cond);
        err
    }
}

op_helper! {
    /// The slow path of JUMP_IF_TRUE_OR_POP (`oparg` 1) and
    /// JUMP_IF_FALSE_OR_POP (`oparg` 0): returns 1 to jump keeping the
    /// value, 0 after popping it, -1 on error (value kept).
    fn jump_or_pop(tstate, frame, sp, oparg) {
        let cond = sp.peek(1);
        let err = ffi::PyObject_IsTrue(cond);
        if err < 0 {
            return -1;
        }
        let jump = (err > 0) == (oparg == 1);
        if !jump {
            ffi::Py_DECREF(cond);
        }
        jump as i32
    }
}

op_helper! {
    /// COMPARE_OP. Error: depth - 1, top NULL.
    fn compare_op(tstate, frame, sp, oparg) {
        let right = sp.peek(1);
        let left = sp.peek(2);
        let res = ffi::PyObject_RichCompare(left, right, oparg as i32);
        sp.set(2, res);
        ffi::Py_DECREF(left);
        ffi::Py_DECREF(right);
        if res.is_null() { -1 } else { 0 }
    }
}

op_helper! {
    /// CONTAINS_OP. Error: depth - 2.
    fn contains_op(tstate, frame, sp, oparg) {
        let right = sp.peek(1);
        let left = sp.peek(2);
        let res = ffi::PySequence_Contains(right, left);
        ffi::Py_DECREF(left);
        ffi::Py_DECREF(right);
        if res < 0 {
            return -1;
        }
        sp.set(2, bool_ref((res ^ oparg as i32) != 0));
        0
    }
}

op_helper! {
    /// BINARY_SUBSCR. Error: depth - 1, top NULL.
    fn binary_subscr(tstate, frame, sp, oparg) {
        let sub = sp.peek(1);
        let container = sp.peek(2);
        let res = ffi::PyObject_GetItem(container, sub);
        ffi::Py_DECREF(container);
        ffi::Py_DECREF(sub);
        sp.set(2, res);
        if res.is_null() { -1 } else { 0 }
    }
}

op_helper! {
    /// STORE_SUBSCR: `container[sub] = v`. Error: depth - 3.
    fn store_subscr(tstate, frame, sp, oparg) {
        let sub = sp.peek(1);
        let container = sp.peek(2);
        let v = sp.peek(3);
        let err = ffi::PyObject_SetItem(container, sub, v);
        ffi::Py_DECREF(v);
        ffi::Py_DECREF(container);
        ffi::Py_DECREF(sub);
        if err != 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// DELETE_SUBSCR. Error: depth - 2.
    fn delete_subscr(tstate, frame, sp, oparg) {
        let sub = sp.peek(1);
        let container = sp.peek(2);
        let err = ffi::PyObject_DelItem(container, sub);
        ffi::Py_DECREF(container);
        ffi::Py_DECREF(sub);
        if err != 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// BUILD_SLICE (2 or 3 items). Error: depth - 1 or - 2, top NULL.
    fn build_slice(tstate, frame, sp, oparg) {
        let (step, stop, start) = if oparg == 3 {
            (sp.peek(1), sp.peek(2), sp.peek(3))
        } else {
            (std::ptr::null_mut(), sp.peek(1), sp.peek(2))
        };
        let slice = ffi::PySlice_New(start, stop, step);
        ffi::Py_DECREF(start);
        ffi::Py_DECREF(stop);
        ffi::Py_XDECREF(step);
        sp.set(oparg as usize, slice);
        if slice.is_null() { -1 } else { 0 }
    }
}

op_helper! {
    /// FORMAT_VALUE. Pops the value (and spec), pushes the result.
    /// Error: depth - 1 - has_spec.
    fn format_value(tstate, frame, sp, oparg) {
        let have_spec = oparg & FVS_HAVE_SPEC == FVS_HAVE_SPEC;
        let (fmt_spec, mut value) = if have_spec {
            (sp.peek(1), sp.peek(2))
        } else {
            (std::ptr::null_mut(), sp.peek(1))
        };
        let out = 1 + have_spec as usize;
        let conv: Option<unsafe extern "C" fn(Obj) -> Obj> = match oparg & FVC_MASK {
            FVC_STR => Some(ffi::PyObject_Str),
            FVC_REPR => Some(ffi::PyObject_Repr),
            FVC_ASCII => Some(ffi::PyObject_ASCII),
            _ => None,
        };
        if let Some(f) = conv {
            let result = f(value);
            ffi::Py_DECREF(value);
            if result.is_null() {
                ffi::Py_XDECREF(fmt_spec);
                return -1;
            }
            value = result;
        }
        let result = if ffi::PyUnicode_CheckExact(value) != 0 && fmt_spec.is_null() {
            value
        } else {
            let result = ffi::PyObject_Format(value, fmt_spec);
            ffi::Py_DECREF(value);
            ffi::Py_XDECREF(fmt_spec);
            if result.is_null() {
                return -1;
            }
            result
        };
        sp.set(out, result);
        0
    }
}

op_helper! {
    /// BUILD_STRING. Error: same depth (nothing popped).
    fn build_string(tstate, frame, sp, oparg) {
        let n = oparg as usize;
        let empty = ffi::PyUnicode_FromStringAndSize(std::ptr::null(), 0);
        if empty.is_null() {
            return -1;
        }
        let s = api::_PyUnicode_JoinArray(empty, sp.slot(n), n as ffi::Py_ssize_t);
        ffi::Py_DECREF(empty);
        if s.is_null() {
            return -1;
        }
        for i in 1..=n {
            ffi::Py_DECREF(sp.peek(i));
        }
        sp.set(n, s);
        0
    }
}
