//! Byte and disassembly snapshots of every x86-64 template.
#![cfg(target_arch = "x86_64")]

use diojit_asm::x64::X64Masm;
use diojit_asm::{disassemble, Alu, Arg, Cond, Masm, Mem, Operand, Reg};

/// Assembles `f` and returns its disassembly, one instruction per entry.
fn text(f: impl FnOnce(&mut X64Masm)) -> Vec<String> {
    let mut m = X64Masm::new();
    f(&mut m);
    let code = m.finish().unwrap();
    disassemble(&code, 0).into_iter().map(|l| l.text).collect()
}

fn hex(f: impl FnOnce(&mut X64Masm)) -> String {
    let mut m = X64Masm::new();
    f(&mut m);
    m.finish().unwrap().iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn prologue_saves_callee_saved_and_takes_arguments() {
    assert_eq!(
        text(|m| m.prologue_with(&[Reg::Frame, Reg::Tstate])),
        [
            "push rbp", "mov rbp,rsp", "push rbx", "push r12", "push r13", "push r14", "push r15",
            "sub rsp,8", "mov rbx,rdi", "mov r12,rsi",
        ]
    );
}

#[test]
fn epilogue_mirrors_the_prologue() {
    assert_eq!(
        text(|m| m.epilogue()),
        ["add rsp,8", "pop r15", "pop r14", "pop r13", "pop r12", "pop rbx", "pop rbp", "ret"]
    );
}

#[test]
fn prologue_keeps_the_stack_16_byte_aligned() {
    // Return address + rbp + 5 saved registers + the stack-limit word.
    let pushes = text(|m| m.prologue_with(&[])).iter().filter(|t| t.starts_with("push")).count();
    assert_eq!((1 + pushes) * 8 + 8, 64);
}

#[test]
fn stack_limit_lives_below_the_saved_registers() {
    assert_eq!(
        text(|m| {
            let low = m.new_label();
            m.store_stack_limit(Reg::Saved1);
            m.branch_stack_low(low);
            m.bind(low);
        }),
        ["mov [rbp-0x30],r15", "cmp rsp,[rbp-0x30]", "jb 0xe"]
    );
}

#[test]
fn internal_entry_saves_only_the_frame_register() {
    // Return address + rbx: aligned as at a C call site.
    assert_eq!(text(|m| m.enter_with(&[Reg::Frame])), ["push rbx", "mov rbx,rdi"]);
    assert_eq!(text(|m| m.leave()), ["pop rbx", "ret"]);
    assert_eq!(
        text(|m| m.leave_to(0x4000, &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame)])),
        ["mov rdi,r12", "mov rsi,rbx", "pop rbx", "mov r11,0x4000", "jmp r11"]
    );
}

#[test]
fn call_sets_arguments_in_order() {
    assert_eq!(
        text(|m| m.call(
            0x1122_3344_5566_7788,
            &[
                Arg::Reg(Reg::Tstate),
                Arg::Reg(Reg::Frame),
                Arg::Addr(Mem::new(Reg::Frame, 0x60)),
                Arg::Imm(7),
                Arg::Load(Mem::new(Reg::Frame, 0x48)),
                Arg::Imm(0xffff_ffff_ffff_fffe),
            ],
        )),
        [
            "mov rdi,r12",
            "mov rsi,rbx",
            "lea rdx,[rbx+0x60]",
            "mov ecx,7",
            "mov r8,[rbx+0x48]",
            "mov r9,0xfffffffffffffffe",
            "mov r11,0x1122334455667788",
            "call r11",
        ]
    );
}

#[test]
#[should_panic(expected = "argument register")]
fn argument_registers_cannot_be_call_sources() {
    text(|m| m.call(0, &[Arg::Reg(Reg::Tmp2)]));
}

#[test]
fn tail_call_restores_then_jumps() {
    assert_eq!(
        text(|m| m.tail_call(0x4000, &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame), Arg::Imm(1)])),
        [
            "mov rdi,r12", "mov rsi,rbx", "mov edx,1", "add rsp,8", "pop r15", "pop r14", "pop r13",
            "pop r12", "pop rbx", "pop rbp", "mov r11,0x4000", "jmp r11",
        ]
    );
}

#[test]
fn routines_return_and_tail_jump_without_restoring() {
    assert_eq!(text(|m| m.ret()), ["ret"]);
    assert_eq!(
        text(|m| m.jump_to(0x4000, &[Arg::Reg(Reg::Tmp1)])),
        ["mov rdi,r10", "mov r11,0x4000", "jmp r11"]
    );
}

#[test]
fn moves_loads_and_stores() {
    assert_eq!(
        text(|m| {
            m.mov(Reg::Saved0, Reg::Tmp0);
            m.mov_imm(Reg::Tmp1, 5);
            m.mov_imm(Reg::Tmp0, 0x7f00_0000_1234);
            m.load(Reg::Tmp0, Mem::new(Reg::Frame, 0x48));
            m.load_u8(Reg::Tmp1, Mem::new(Reg::CFrame, 0));
            m.load_i32(Reg::Tmp2, Mem::new(Reg::Tstate, 0x20));
            m.store(Mem::new(Reg::Frame, 0x50), Reg::Tmp3);
            m.store_imm(Mem::new(Reg::Frame, 0x58), 0);
            m.store_i32(Mem::new(Reg::Frame, 0x40), Reg::Tmp0);
            m.store_i32_imm(Mem::new(Reg::Frame, 0x40), 12);
            m.add_i32_mem(Mem::new(Reg::Tstate, 0x20), -1);
        }),
        [
            "mov r14,rax",
            "mov r10d,5",
            "mov rax,0x7f0000001234",
            "mov rax,[rbx+0x48]",
            "movzx r10d,byte ptr [r13]",
            "movsxd rcx,[r12+0x20]",
            "mov [rbx+0x50],rdx",
            "mov qword ptr [rbx+0x58],0",
            "mov [rbx+0x40],eax",
            "mov dword ptr [rbx+0x40],0xc",
            "add dword ptr [r12+0x20],0xffffffff",
        ]
    );
}

#[test]
fn reference_counting() {
    assert_eq!(
        text(|m| {
            let dealloc = m.new_label();
            m.incref(Reg::Tmp0);
            m.decref_branch_zero(Reg::Saved1, dealloc);
            m.bind(dealloc);
            m.decref_no_dealloc(Reg::Tmp1);
        }),
        ["inc qword ptr [rax]", "dec qword ptr [r15]", "je 0xc", "dec qword ptr [r10]"]
    );
}

#[test]
fn compares_and_branches() {
    let lines = text(|m| {
        let top = m.new_label();
        m.bind(top);
        m.cmp(Reg::Tmp0, Operand::Reg(Reg::Tmp1));
        m.branch(Cond::Eq, top);
        m.cmp(Reg::Tmp0, Operand::Imm(-5));
        m.branch(Cond::Ne, top);
        m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Frame, 8)));
        m.branch(Cond::Lt, top);
        m.cmp_u8_mem(Mem::new(Reg::CFrame, 0), 0);
        m.branch(Cond::Le, top);
        m.cmp_i32(Reg::Tmp0, 3);
        m.branch(Cond::Gt, top);
        m.cmp_i32_mem(Mem::new(Reg::Tmp0, 4), 0);
        m.branch(Cond::Ne, top);
        m.test(Reg::Tmp0);
        m.branch(Cond::Ge, top);
        m.branch(Cond::Below, top);
        m.branch(Cond::AboveEq, top);
        m.jump(top);
    });
    assert_eq!(
        lines,
        [
            "cmp rax,r10", "je 0", "cmp rax,0xfffffffffffffffb", "jne 0", "cmp rax,[rbx+8]", "jl 0",
            "cmp byte ptr [r13],0", "jle 0", "cmp eax,3", "jg 0", "cmp dword ptr [rax+4],0", "jne 0", "test rax,rax", "jge 0", "jb 0",
            "jae 0", "jmp 0",
        ]
    );
}

#[test]
fn snapshot_bytes_of_the_hot_templates() {
    assert_eq!(hex(|m| m.incref(Reg::Tmp0)), "48ff00");
    assert_eq!(hex(|m| m.load(Reg::Tmp0, Mem::new(Reg::Frame, 0x48))), "488b4348");
    assert_eq!(hex(|m| m.store(Mem::new(Reg::Frame, 0x50), Reg::Tmp0)), "48894350");
}

#[test]
fn memory_operands_take_their_shortest_encoding() {
    // (template, expected disassembly, expected length): every base
    // register role, displacements of 0, 8 and 32 bits, and the bases
    // that need a SIB byte (r12) or a displacement even when it is 0 (r13).
    let cases: Vec<(Box<dyn Fn(&mut X64Masm)>, &str, usize)> = vec![
        (Box::new(|m| m.load(Reg::Tmp0, Mem::new(Reg::Frame, 0))), "mov rax,[rbx]", 3),
        (Box::new(|m| m.load(Reg::Tmp0, Mem::new(Reg::Frame, -8))), "mov rax,[rbx-8]", 4),
        (Box::new(|m| m.load(Reg::Tmp1, Mem::new(Reg::Frame, 0x400))), "mov r10,[rbx+0x400]", 7),
        (Box::new(|m| m.load(Reg::Tmp0, Mem::new(Reg::Tstate, 0x38))), "mov rax,[r12+0x38]", 5),
        (Box::new(|m| m.load(Reg::Tmp0, Mem::new(Reg::Tstate, 0))), "mov rax,[r12]", 4),
        (Box::new(|m| m.load(Reg::Saved0, Mem::new(Reg::CFrame, 0))), "mov r14,[r13]", 4),
        (Box::new(|m| m.store(Mem::new(Reg::CFrame, 8), Reg::Frame)), "mov [r13+8],rbx", 4),
        (Box::new(|m| m.store(Mem::new(Reg::Saved1, 0x130), Reg::Tmp3)), "mov [r15+0x130],rdx", 7),
        (Box::new(|m| m.store_imm(Mem::new(Reg::Frame, 0x58), 0)), "mov qword ptr [rbx+0x58],0", 8),
        (Box::new(|m| m.incref(Reg::Saved1)), "inc qword ptr [r15]", 3),
        (Box::new(|m| m.decref_no_dealloc(Reg::CFrame)), "dec qword ptr [r13]", 4),
        (Box::new(|m| m.cmp(Reg::Tmp2, Operand::Mem(Mem::new(Reg::Tmp1, 8)))), "cmp rcx,[r10+8]", 4),
        (Box::new(|m| m.alu(Alu::Add, Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp2, 0x18)))), "add r10,[rcx+0x18]", 4),
        (Box::new(|m| m.alu(Alu::Mul, Reg::Tmp0, Operand::Mem(Mem::new(Reg::Saved0, 0x10)))), "imul rax,[r14+0x10]", 5),
        (Box::new(|m| m.lea(Reg::Tmp3, Mem::new(Reg::Frame, 0x68))), "lea rdx,[rbx+0x68]", 4),
        (Box::new(|m| m.load_i32(Reg::Tmp0, Mem::new(Reg::Tstate, 0x20))), "movsxd rax,[r12+0x20]", 5),
    ];
    for (emit, text_expected, len) in cases {
        let mut m = X64Masm::new();
        emit(&mut m);
        let code = m.finish().unwrap();
        let lines = disassemble(&code, 0);
        assert_eq!(lines.len(), 1, "{text_expected}");
        assert_eq!(lines[0].text, text_expected);
        assert_eq!(code.len(), len, "{text_expected}");
    }
}

#[test]
fn unbound_label_is_an_error_not_a_panic() {
    let mut m = X64Masm::new();
    let l = m.new_label();
    m.jump(l);
    assert!(m.finish().is_err());
}

#[test]
fn integer_arithmetic() {
    use diojit_asm::Alu;
    assert_eq!(
        text(|m| {
            m.alu(Alu::Add, Reg::Tmp0, Operand::Reg(Reg::Tmp1));
            m.alu(Alu::Sub, Reg::Tmp0, Operand::Imm(5));
            m.alu(Alu::Mul, Reg::Tmp1, Operand::Reg(Reg::Tmp0));
            m.alu(Alu::Mul, Reg::Tmp1, Operand::Imm(3));
            m.alu(Alu::And, Reg::Tmp2, Operand::Mem(Mem::new(Reg::Frame, 16)));
            m.alu(Alu::Or, Reg::Tmp3, Operand::Imm(1));
            m.alu(Alu::Xor, Reg::Tmp0, Operand::Reg(Reg::Tmp0));
            m.neg(Reg::Tmp0);
            m.sar(Reg::Tmp1, 3);
            m.shl(Reg::Tmp1, 30);
            m.lea(Reg::Tmp0, Mem::new(Reg::Frame, 0x48));
            m.load_indexed(Reg::Tmp0, Reg::Tmp1, Reg::Tmp2, 24);
            m.store_indexed(Reg::Tmp1, Reg::Tmp2, 24, Reg::Tmp0);
            m.load_u32(Reg::Tmp3, Mem::new(Reg::Tmp0, 24));
            m.load_u16(Reg::Tmp3, Mem::new(Reg::Tmp1, 9));
            m.store_u8_imm(Mem::new(Reg::Frame, -9), 0xff);
            m.divmod(Reg::Tmp1);
        }),
        [
            "add rax,r10",
            "sub rax,5",
            "imul r10,rax",
            "imul r10,3",
            "and rcx,[rbx+0x10]",
            "or rdx,1",
            "xor rax,rax",
            "neg rax",
            "sar r10,3",
            "shl r10,0x1e",
            "lea rax,[rbx+0x48]",
            "mov rax,[r10+rcx*8+0x18]",
            "mov [r10+rcx*8+0x18],rax",
            "mov edx,[rax+0x18]",
            "movzx edx,word ptr [r10+9]",
            "mov byte ptr [rbx-9],0xff",
            "cqo",
            "idiv r10",
        ]
    );
}

#[test]
fn overflow_and_float_conditions() {
    let lines = text(|m| {
        let l = m.new_label();
        m.bind(l);
        m.branch(Cond::Overflow, l);
        m.branch(Cond::Unordered, l);
        m.branch(Cond::BelowEq, l);
        m.branch(Cond::Above, l);
    });
    assert_eq!(lines, ["jo 0", "jp 0", "jbe 0", "ja 0"]);
}

#[test]
fn double_arithmetic() {
    use diojit_asm::{FOp, FReg};
    assert_eq!(
        text(|m| {
            m.load_f64(FReg::F0, Mem::new(Reg::Tmp0, 16));
            m.load_f64(FReg::F1, Mem::new(Reg::Tmp1, 16));
            m.fop(FOp::Add, FReg::F0, FReg::F1);
            m.fop(FOp::Sub, FReg::F0, FReg::F1);
            m.fop(FOp::Mul, FReg::F0, FReg::F1);
            m.fop(FOp::Div, FReg::F0, FReg::F1);
            m.cmp_f64(FReg::F0, FReg::F1);
            m.int_to_f64(FReg::F1, Reg::Tmp0);
            m.store_f64(Mem::new(Reg::Tmp0, 16), FReg::F0);
        }),
        [
            "movsd xmm0,[rax+0x10]",
            "movsd xmm1,[r10+0x10]",
            "addsd xmm0,xmm1",
            "subsd xmm0,xmm1",
            "mulsd xmm0,xmm1",
            "divsd xmm0,xmm1",
            "ucomisd xmm0,xmm1",
            "cvtsi2sd xmm1,rax",
            "movsd [rax+0x10],xmm0",
        ]
    );
}

#[test]
fn indirect_call_reads_the_target_before_the_arguments() {
    assert_eq!(
        text(|m| m.call_indirect(Mem::new(Reg::Tmp0, 0x38), &[Arg::Reg(Reg::Tmp0), Arg::Imm(2)])),
        ["mov r11,[rax+0x38]", "mov rdi,rax", "mov esi,2", "call r11"]
    );
}

#[test]
fn entry_with_arguments_internal_calls_and_stack_compare() {
    let lines = text(|m| {
        let body = m.new_label();
        m.prologue_with(&[Reg::Saved0, Reg::Saved1, Reg::Frame, Reg::CFrame]);
        m.call_label(body, &[Arg::Reg(Reg::Frame), Arg::Reg(Reg::Tstate)]);
        m.cmp_sp(Operand::Mem(Mem::new(Reg::Tmp0, 0)));
        m.bind(body);
    });
    assert_eq!(
        lines,
        [
            "push rbp", "mov rbp,rsp", "push rbx", "push r12", "push r13", "push r14", "push r15",
            "sub rsp,8", "mov r14,rdi", "mov r15,rsi", "mov rbx,rdx", "mov r13,rcx", "mov rdi,rbx",
            "mov rsi,r12", "call 0x2b", "cmp rsp,[rax]",
        ]
    );
}

/// Every register with short and long immediates and displacements: the
/// hand-encoded forms decode to what was asked, in their short form.
#[test]
fn immediates_and_narrow_accesses_encode_for_every_register() {
    let regs = [
        (Reg::Frame, "rbx", "ebx"),
        (Reg::Tstate, "r12", "r12d"),
        (Reg::CFrame, "r13", "r13d"),
        (Reg::Saved0, "r14", "r14d"),
        (Reg::Saved1, "r15", "r15d"),
        (Reg::Tmp0, "rax", "eax"),
        (Reg::Tmp1, "r10", "r10d"),
        (Reg::Tmp2, "rcx", "ecx"),
        (Reg::Tmp3, "rdx", "edx"),
    ];
    for (r, q, d) in regs {
        let mem = |disp: i32| if disp == 0 { format!("[{q}]") } else { format!("[{q}+0x{disp:x}]") };
        assert_eq!(text(|m| m.alu(Alu::Add, r, Operand::Imm(1))), [format!("add {q},1")]);
        assert_eq!(text(|m| m.alu(Alu::Sub, r, Operand::Imm(0x1000))), [format!("sub {q},0x1000")]);
        assert_eq!(text(|m| m.alu(Alu::And, r, Operand::Imm(-2))), [format!("and {q},0xfffffffffffffffe")]);
        assert_eq!(text(|m| m.alu(Alu::Or, r, Operand::Imm(4))), [format!("or {q},4")]);
        assert_eq!(text(|m| m.alu(Alu::Xor, r, Operand::Imm(5))), [format!("xor {q},5")]);
        assert_eq!(text(|m| m.alu(Alu::Mul, r, Operand::Imm(3))), [format!("imul {q},3")]);
        assert_eq!(text(|m| m.alu(Alu::Mul, r, Operand::Imm(300))), [format!("imul {q},0x12c")]);
        assert_eq!(text(|m| m.cmp(r, Operand::Imm(2))), [format!("cmp {q},2")]);
        assert_eq!(text(|m| m.cmp_i32(r, 0)), [format!("cmp {d},0")]);
        assert_eq!(text(|m| m.mov_imm(r, 7)), [format!("mov {d},7")]);
        for disp in [0, 0x20, 0x400] {
            assert_eq!(text(|m| m.cmp_u8_mem(Mem::new(r, disp), 1)), [format!("cmp byte ptr {},1", mem(disp))]);
            assert_eq!(text(|m| m.cmp_i32_mem(Mem::new(r, disp), 0)), [format!("cmp dword ptr {},0", mem(disp))]);
            assert_eq!(text(|m| m.cmp_mem_imm(Mem::new(r, disp), 1)), [format!("cmp qword ptr {},1", mem(disp))]);
            assert_eq!(
                text(|m| m.add_i32_mem(Mem::new(r, disp), -1)),
                [format!("add dword ptr {},0xffffffff", mem(disp))]
            );
            assert_eq!(text(|m| m.store_i32_imm(Mem::new(r, disp), 9)), [format!("mov dword ptr {},9", mem(disp))]);
            assert_eq!(text(|m| m.store_u8_imm(Mem::new(r, disp), 1)), [format!("mov byte ptr {},1", mem(disp))]);
            assert_eq!(text(|m| m.load_u8(Reg::Tmp1, Mem::new(r, disp))), [format!("movzx r10d,byte ptr {}", mem(disp))]);
            assert_eq!(text(|m| m.load_u16(Reg::Tmp0, Mem::new(r, disp))), [format!("movzx eax,word ptr {}", mem(disp))]);
            assert_eq!(text(|m| m.load_u32(Reg::Tmp3, Mem::new(r, disp))), [format!("mov edx,{}", mem(disp))]);
            assert_eq!(text(|m| m.store_i32(Mem::new(r, disp), Reg::Saved1)), [format!("mov {},r15d", mem(disp))]);
            assert_eq!(
                text(|m| m.load_f64(diojit_asm::FReg::F1, Mem::new(r, disp))),
                [format!("movsd xmm1,{}", mem(disp))]
            );
            assert_eq!(
                text(|m| m.store_f64(Mem::new(r, disp), diojit_asm::FReg::F2)),
                [format!("movsd {},xmm2", mem(disp))]
            );
        }
    }
    // The short forms: `cmp eax,0` in 3 bytes, `add rax,1` in 4.
    assert_eq!(hex(|m| m.cmp_i32(Reg::Tmp0, 0)), "83f800");
    assert_eq!(hex(|m| m.alu(Alu::Add, Reg::Tmp0, Operand::Imm(1))), "4883c001");
}
