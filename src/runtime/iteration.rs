//! `for` loops: GET_ITER and FOR_ITER.

use super::op_helper;
use pyo3::ffi;

op_helper! {
    /// GET_ITER. Error: same depth, top NULL.
    fn get_iter(tstate, frame, sp, oparg) {
        let iterable = sp.peek(1);
        let iter = ffi::PyObject_GetIter(iterable);
        ffi::Py_DECREF(iterable);
        sp.set(1, iter);
        if iter.is_null() { -1 } else { 0 }
    }
}

op_helper! {
    /// FOR_ITER: returns 1 with the next item pushed, 0 when exhausted
    /// (iterator popped and released), -1 on error (iterator kept).
    fn for_iter(tstate, frame, sp, oparg) {
        let iter = sp.peek(1);
        let Some(next_fn) = (*ffi::Py_TYPE(iter)).tp_iternext else {
            ffi::PyErr_Format(ffi::PyExc_TypeError, c"'%.200s' object is not an iterator".as_ptr(), (*ffi::Py_TYPE(iter)).tp_name);
            return -1;
        };
        let next = next_fn(iter);
        if !next.is_null() {
            *sp.0 = next;
            return 1;
        }
        if !ffi::PyErr_Occurred().is_null() {
            if ffi::PyErr_ExceptionMatches(ffi::PyExc_StopIteration) == 0 {
                return -1;
            }
            ffi::PyErr_Clear();
        }
        ffi::Py_DECREF(iter);
        0
    }
}
