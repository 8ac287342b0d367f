//! Building, extending and unpacking tuples, lists, sets and dicts.

use super::{op_helper, Obj};
use crate::cpython::api;
use pyo3::ffi;

op_helper! {
    /// BUILD_TUPLE. Error: same depth.
    fn build_tuple(tstate, frame, sp, oparg) {
        let n = oparg as usize;
        let tup = ffi::PyTuple_New(n as ffi::Py_ssize_t);
        if tup.is_null() {
            return -1;
        }
        for i in 0..n {
            ffi::PyTuple_SET_ITEM(tup, i as ffi::Py_ssize_t, sp.peek(n - i));
        }
        sp.set(n, tup);
        0
    }
}

op_helper! {
    /// BUILD_LIST. Error: same depth.
    fn build_list(tstate, frame, sp, oparg) {
        let n = oparg as usize;
        let list = ffi::PyList_New(n as ffi::Py_ssize_t);
        if list.is_null() {
            return -1;
        }
        for i in 0..n {
            ffi::PyList_SET_ITEM(list, i as ffi::Py_ssize_t, sp.peek(n - i));
        }
        sp.set(n, list);
        0
    }
}

op_helper! {
    /// BUILD_SET. Error: depth - oparg (items released).
    fn build_set(tstate, frame, sp, oparg) {
        let n = oparg as usize;
        let set = ffi::PySet_New(std::ptr::null_mut());
        if set.is_null() {
            return -1;
        }
        let mut err = 0;
        for i in (1..=n).rev() {
            let item = sp.peek(i);
            if err == 0 {
                err = ffi::PySet_Add(set, item);
            }
            ffi::Py_DECREF(item);
        }
        if err != 0 {
            ffi::Py_DECREF(set);
            return -1;
        }
        sp.set(n, set);
        0
    }
}

/// `_PyDict_FromItems`: a dict of `n` keys and values read at the given
/// strides. Presized like CPython's: all-str keys grow a str-keyed table
/// to the same size; any other key gets a general table of that size.
unsafe fn dict_from_items(keys: *const Obj, key_step: usize, values: *const Obj, value_step: usize, n: usize) -> Obj {
    // SAFETY: the caller passes n live keys and values at the strides.
    unsafe {
        let all_str = (0..n).all(|i| ffi::PyUnicode_CheckExact(*keys.add(i * key_step)) != 0);
        let dict = if all_str { ffi::PyDict_New() } else { api::_PyDict_NewPresized(n as ffi::Py_ssize_t) };
        if dict.is_null() {
            return dict;
        }
        for i in 0..n {
            if ffi::PyDict_SetItem(dict, *keys.add(i * key_step), *values.add(i * value_step)) < 0 {
                ffi::Py_DECREF(dict);
                return std::ptr::null_mut();
            }
        }
        dict
    }
}

op_helper! {
    /// BUILD_MAP. Error: same depth.
    fn build_map(tstate, frame, sp, oparg) {
        let n = oparg as usize;
        let map = dict_from_items(sp.slot(2 * n), 2, sp.slot(2 * n - 1), 2, n);
        if map.is_null() {
            return -1;
        }
        for i in 1..=2 * n {
            ffi::Py_DECREF(sp.peek(i));
        }
        sp.set(2 * n, map);
        0
    }
}

op_helper! {
    /// BUILD_CONST_KEY_MAP. Error: same depth.
    fn build_const_key_map(tstate, frame, sp, oparg) {
        let n = oparg as usize;
        let keys = sp.peek(1);
        if ffi::PyTuple_CheckExact(keys) == 0 || ffi::PyTuple_GET_SIZE(keys) != n as ffi::Py_ssize_t {
            ffi::PyErr_SetString(ffi::PyExc_SystemError, c"bad BUILD_CONST_KEY_MAP keys argument".as_ptr());
            return -1;
        }
        let first_key = (keys as *mut ffi::PyTupleObject).cast::<u8>()
            .add(std::mem::offset_of!(ffi::PyTupleObject, ob_item)) as *const Obj;
        let map = dict_from_items(first_key, 1, sp.slot(n + 1), 1, n);
        if map.is_null() {
            return -1;
        }
        for i in 1..=n + 1 {
            ffi::Py_DECREF(sp.peek(i));
        }
        sp.set(n + 1, map);
        0
    }
}

op_helper! {
    /// LIST_APPEND (comprehensions). Error: depth - 1.
    fn list_append(tstate, frame, sp, oparg) {
        let v = sp.peek(1);
        let list = sp.peek(1 + oparg as usize);
        let err = ffi::PyList_Append(list, v);
        ffi::Py_DECREF(v);
        if err < 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// SET_ADD. Error: depth - 1.
    fn set_add(tstate, frame, sp, oparg) {
        let v = sp.peek(1);
        let set = sp.peek(1 + oparg as usize);
        let err = ffi::PySet_Add(set, v);
        ffi::Py_DECREF(v);
        if err != 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// MAP_ADD. Error: depth - 2.
    fn map_add(tstate, frame, sp, oparg) {
        let value = sp.peek(1);
        let key = sp.peek(2);
        let map = sp.peek(2 + oparg as usize);
        let err = ffi::PyDict_SetItem(map, key, value);
        ffi::Py_DECREF(key);
        ffi::Py_DECREF(value);
        if err != 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// LIST_EXTEND. Error: depth - 1.
    fn list_extend(tstate, frame, sp, oparg) {
        let iterable = sp.peek(1);
        let list = sp.peek(1 + oparg as usize);
        let none_val = api::_PyList_Extend(list, iterable);
        if none_val.is_null() {
            if ffi::PyErr_ExceptionMatches(ffi::PyExc_TypeError) != 0
                && (*ffi::Py_TYPE(iterable)).tp_iter.is_none()
                && ffi::PySequence_Check(iterable) == 0
            {
                ffi::PyErr_Clear();
                ffi::PyErr_Format(
                    ffi::PyExc_TypeError,
                    c"Value after * must be an iterable, not %.200s".as_ptr(),
                    (*ffi::Py_TYPE(iterable)).tp_name,
                );
            }
            ffi::Py_DECREF(iterable);
            return -1;
        }
        ffi::Py_DECREF(none_val);
        ffi::Py_DECREF(iterable);
        0
    }
}

op_helper! {
    /// SET_UPDATE. Error: depth - 1.
    fn set_update(tstate, frame, sp, oparg) {
        let iterable = sp.peek(1);
        let set = sp.peek(1 + oparg as usize);
        let err = api::_PySet_Update(set, iterable);
        ffi::Py_DECREF(iterable);
        if err < 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// DICT_UPDATE. Error: depth - 1.
    fn dict_update(tstate, frame, sp, oparg) {
        let update = sp.peek(1);
        let dict = sp.peek(1 + oparg as usize);
        if ffi::PyDict_Update(dict, update) < 0 {
            if ffi::PyErr_ExceptionMatches(ffi::PyExc_AttributeError) != 0 {
                ffi::PyErr_Format(
                    ffi::PyExc_TypeError,
                    c"'%.200s' object is not a mapping".as_ptr(),
                    (*ffi::Py_TYPE(update)).tp_name,
                );
            }
            ffi::Py_DECREF(update);
            return -1;
        }
        ffi::Py_DECREF(update);
        0
    }
}

op_helper! {
    /// DICT_MERGE (`**kwargs` in calls). Error: depth - 1.
    fn dict_merge(tstate, frame, sp, oparg) {
        let update = sp.peek(1);
        let dict = sp.peek(1 + oparg as usize);
        if api::_PyDict_MergeEx(dict, update, 2) < 0 {
            super::calls::format_kwargs_error(sp.peek(3 + oparg as usize), update);
            ffi::Py_DECREF(update);
            return -1;
        }
        ffi::Py_DECREF(update);
        0
    }
}

op_helper! {
    /// LIST_TO_TUPLE. Error: depth - 1.
    fn list_to_tuple(tstate, frame, sp, oparg) {
        let list = sp.peek(1);
        let tuple = ffi::PyList_AsTuple(list);
        ffi::Py_DECREF(list);
        if tuple.is_null() {
            return -1;
        }
        sp.set(1, tuple);
        0
    }
}

/// `unpack_iterable`: fills `argcnt` (+ a list + `argcntafter`) slots
/// downwards from `top` with the items of `v`.
unsafe fn unpack_iterable(v: Obj, argcnt: usize, argcntafter: Option<usize>, top: *mut Obj) -> bool {
    // SAFETY: `top` has room for every item below it (stack depth checked
    // by the compiler's flow analysis); GIL held.
    unsafe {
        let mut sp = top;
        let mut i = 0usize;
        let it = ffi::PyObject_GetIter(v);
        if it.is_null() {
            if ffi::PyErr_ExceptionMatches(ffi::PyExc_TypeError) != 0
                && (*ffi::Py_TYPE(v)).tp_iter.is_none()
                && ffi::PySequence_Check(v) == 0
            {
                ffi::PyErr_Format(
                    ffi::PyExc_TypeError,
                    c"cannot unpack non-iterable %.200s object".as_ptr(),
                    (*ffi::Py_TYPE(v)).tp_name,
                );
            }
            return false;
        }
        let fail = |it: Obj, mut sp: *mut Obj, mut i: usize| {
            while i > 0 {
                ffi::Py_DECREF(*sp);
                sp = sp.add(1);
                i -= 1;
            }
            ffi::Py_XDECREF(it);
            false
        };
        while i < argcnt {
            let w = ffi::PyIter_Next(it);
            if w.is_null() {
                if ffi::PyErr_Occurred().is_null() {
                    match argcntafter {
                        None => ffi::PyErr_Format(
                            ffi::PyExc_ValueError,
                            c"not enough values to unpack (expected %d, got %d)".as_ptr(),
                            argcnt as i32,
                            i as i32,
                        ),
                        Some(after) => ffi::PyErr_Format(
                            ffi::PyExc_ValueError,
                            c"not enough values to unpack (expected at least %d, got %d)".as_ptr(),
                            (argcnt + after) as i32,
                            i as i32,
                        ),
                    };
                }
                return fail(it, sp, i);
            }
            sp = sp.sub(1);
            *sp = w;
            i += 1;
        }
        let Some(after) = argcntafter else {
            let w = ffi::PyIter_Next(it);
            if w.is_null() {
                if !ffi::PyErr_Occurred().is_null() {
                    return fail(it, sp, i);
                }
                ffi::Py_DECREF(it);
                return true;
            }
            ffi::Py_DECREF(w);
            ffi::PyErr_Format(
                ffi::PyExc_ValueError,
                c"too many values to unpack (expected %d)".as_ptr(),
                argcnt as i32,
            );
            return fail(it, sp, i);
        };
        let l = ffi::PySequence_List(it);
        if l.is_null() {
            return fail(it, sp, i);
        }
        sp = sp.sub(1);
        *sp = l;
        i += 1;
        let ll = ffi::PyList_GET_SIZE(l) as usize;
        if ll < after {
            ffi::PyErr_Format(
                ffi::PyExc_ValueError,
                c"not enough values to unpack (expected at least %d, got %zd)".as_ptr(),
                (argcnt + after) as i32,
                (argcnt + ll) as ffi::Py_ssize_t,
            );
            return fail(it, sp, i);
        }
        for j in (1..=after).rev() {
            sp = sp.sub(1);
            *sp = ffi::PyList_GET_ITEM(l, (ll - j) as ffi::Py_ssize_t);
        }
        // Shrink the list in place, as CPython does (the items moved out).
        (*(l as *mut ffi::PyVarObject)).ob_size = (ll - after) as ffi::Py_ssize_t;
        ffi::Py_DECREF(it);
        true
    }
}

op_helper! {
    /// UNPACK_SEQUENCE. Error: depth - 1.
    fn unpack_sequence(tstate, frame, sp, oparg) {
        let seq = sp.peek(1);
        let base = sp.slot(1);
        let ok = unpack_iterable(seq, oparg as usize, None, base.add(oparg as usize));
        ffi::Py_DECREF(seq);
        if ok { 0 } else { -1 }
    }
}

op_helper! {
    /// UNPACK_EX. Error: depth - 1.
    fn unpack_ex(tstate, frame, sp, oparg) {
        let before = (oparg & 0xff) as usize;
        let after = (oparg >> 8) as usize;
        let total = 1 + before + after;
        let seq = sp.peek(1);
        let base = sp.slot(1);
        let ok = unpack_iterable(seq, before, Some(after), base.add(total));
        ffi::Py_DECREF(seq);
        if ok { 0 } else { -1 }
    }
}
