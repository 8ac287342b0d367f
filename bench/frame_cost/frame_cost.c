/* A model of the per-call work CPython 3.11's frame contract asks of any
 * implementation that keeps real interpreter frames: for fib(15) (1,219
 * calls), each call pushes a frame on a data stack, initialises its header,
 * links it as the current frame, counts references to the function, the
 * code and the argument, boxes int results (small ints shared, the rest
 * allocated), and clears and pops the frame on return.
 *
 * It is plain C compiled with -O2: a floor for native code that does the
 * same work, not a measurement of diojit. Variants drop parts of the
 * contract to show what each costs:
 *   full       everything above
 *   no-fc      function and code objects not counted per call
 *   no-fc-int  ... nor small ints (as if immortal, as in CPython 3.12)
 *
 *   gcc -O2 -o /tmp/frame_cost bench/frame_cost/frame_cost.c && /tmp/frame_cost
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct Obj { int64_t rc; const void *type; int64_t size; uint32_t digit; } Obj;
typedef struct Frame {
    Obj *func, *globals, *builtins, *locals, *code, *frame_obj;
    struct Frame *previous;
    const void *prev_instr;
    int32_t stacktop;
    char is_entry, owner;
    Obj *localsplus[4];
} Frame;

static const char INT_TYPE[1];
static Obj small[262], func_obj, code_obj, globals_obj, builtins_obj;
static Frame stack[4096], *stack_top = stack, *current;
static int recursion_remaining = 1000;
static volatile int eval_breaker;
static int count_fc = 1, count_ints = 1;

static void incref(Obj *o) { if (count_ints || o < small || o >= small + 262) o->rc++; }
static void decref(Obj *o) {
    if (!count_ints && o >= small && o < small + 262) return;
    if (--o->rc == 0) free(o);
}
static int64_t value(Obj *o) { return o->size * (int64_t)o->digit; }
static Obj *box(int64_t v) {
    if (v >= -5 && v <= 256) { Obj *o = &small[v + 5]; incref(o); return o; }
    Obj *o = malloc(sizeof *o);
    o->rc = 1; o->type = INT_TYPE; o->size = v < 0 ? -1 : 1; o->digit = (uint32_t)(v < 0 ? -v : v);
    return o;
}

static Obj *body(Frame *f);

__attribute__((noinline)) static Obj *call(Obj *arg) {
    Frame *f = stack_top++;
    if (stack_top >= stack + 4096) abort();
    f->func = &func_obj; f->code = &code_obj;
    if (count_fc) { func_obj.rc++; code_obj.rc++; }
    f->globals = &globals_obj; f->builtins = &builtins_obj; f->locals = 0; f->frame_obj = 0;
    f->prev_instr = 0; f->stacktop = 1; f->is_entry = 0; f->owner = 0;
    f->localsplus[0] = arg;
    Obj *r = body(f);
    if (f->frame_obj) abort();
    if (f->localsplus[0]) decref(f->localsplus[0]);
    if (f->locals) decref(f->locals);
    if (count_fc) { func_obj.rc--; code_obj.rc--; }  /* never the last reference */
    stack_top = f;
    return r;
}

__attribute__((noinline)) static Obj *body(Frame *f) {
    if (recursion_remaining-- <= 0) abort();
    f->previous = current; current = f;
    if (eval_breaker) abort();
    Obj *a = f->localsplus[0], *r;
    if (a->type != INT_TYPE) abort();
    if (value(a) <= 2) {
        r = &small[1 + 5]; incref(r);
    } else {
        Obj *x = call(box(value(a) - 1));
        Obj *y = call(box(value(a) - 2));
        if (x->type != INT_TYPE || y->type != INT_TYPE) abort();
        r = box(value(x) + value(y));
        decref(x); decref(y);
    }
    recursion_remaining++; current = f->previous;
    return r;
}

static double ns_per_call(void) {
    double best = 1e9;
    for (int round = 0; round < 7; round++) {
        struct timespec t0, t1;
        int n = 20000;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (int i = 0; i < n; i++) {
            Obj *r = call(box(15));
            if (value(r) != 610) abort();
            decref(r);
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ns = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / n / 1219.0;
        if (ns < best) best = ns;
    }
    return best;
}

int main(void) {
    for (int i = 0; i < 262; i++) {
        small[i].rc = 1; small[i].type = INT_TYPE;
        small[i].size = i < 5 ? -1 : i > 5; small[i].digit = (uint32_t)abs(i - 5);
    }
    func_obj.rc = code_obj.rc = 1;
    printf("full       %.2f ns per call\n", ns_per_call());
    count_fc = 0;
    printf("no-fc      %.2f ns per call\n", ns_per_call());
    count_ints = 0;
    printf("no-fc-int  %.2f ns per call\n", ns_per_call());
    return 0;
}
