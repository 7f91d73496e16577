package io.asyncj.processor.javac;

import com.sun.tools.javac.code.Kinds;
import com.sun.tools.javac.code.Scope;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.util.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checked exceptions a statement of the attributed copy can throw (JLS 11.2), each with the
 * tree that first throws it: invoked methods and constructors, {@code throw} statements (with
 * precise rethrow of effectively final catch parameters), the implicit {@code close()} of
 * try-with-resources, and nested {@code try} statements (what their catches handle removed).
 * Lambda and class bodies are not entered. Mirrors what javac's {@code Flow} computes, so that
 * generated code can rethrow a held exception with the static types javac would have seen.
 */
class ThrownTypes extends TreeScanner {
    /** A checked exception type and the tree it comes from. */
    record Entry(Type type, JCTree origin) {}

    private final Types types;
    private final Symtab syms;
    private final Names names;
    private final JCTree.JCTry skipFinallyOf;
    private List<Entry> thrown = new ArrayList<>();
    final Map<Symbol, List<Type>> precise = new HashMap<>();
    final Set<Symbol> reassigned = new HashSet<>();

    private ThrownTypes(Types types, Symtab syms, Names names, JCTree.JCTry skipFinallyOf) {
        this.types = types;
        this.syms = syms;
        this.names = names;
        this.skipFinallyOf = skipFinallyOf;
    }

    /** What {@code tree} can throw; for {@code skipFinallyOf}, as if it had no finally block. */
    static List<Entry> of(Types types, Symtab syms, Names names, JCTree tree, JCTree.JCTry skipFinallyOf) {
        ThrownTypes t = new ThrownTypes(types, syms, names, skipFinallyOf);
        t.findReassigned(tree);
        t.scan(tree);
        return t.thrown;
    }

    /** What resources {@code from..} of {@code tree} (initializers and close()) and its body can throw. */
    static List<Entry> resourcesFrom(Types types, Symtab syms, Names names, JCTree.JCTry tree, int from) {
        ThrownTypes t = new ThrownTypes(types, syms, names, null);
        t.findReassigned(tree);
        for (int i = from; i < tree.resources.size(); i++) {
            t.scan(tree.resources.get(i));
            t.markClose(tree.resources.get(i));
        }
        t.scan(tree.body);
        return t.thrown;
    }

    /**
     * For each {@code throw} of an effectively final catch parameter in {@code body} (a precise
     * rethrow, JLS 11.2.2): the checked types it throws.
     */
    static Map<JCTree.JCThrow, List<Type>> preciseRethrows(Types types, Symtab syms, Names names, JCTree body) {
        Map<JCTree.JCThrow, List<Type>> out = new java.util.IdentityHashMap<>();
        ThrownTypes t = new ThrownTypes(types, syms, names, null) {
            @Override
            public void visitThrow(JCTree.JCThrow tree) {
                Symbol sym = TreeInfo.symbol(TreeInfo.skipParens(tree.expr));
                if (sym != null && precise.containsKey(sym) && !reassigned.contains(sym)) {
                    List<Type> checked = new ArrayList<>();
                    for (Type x : precise.get(sym)) {
                        if (isChecked(x)) {
                            checked.add(x);
                        }
                    }
                    out.put(tree, checked);
                }
                super.visitThrow(tree);
            }
        };
        t.findReassigned(body);
        t.scan(body);
        return out;
    }

    private void findReassigned(JCTree tree) {
        new TreeScanner() {
            @Override
            public void visitAssign(JCTree.JCAssign a) {
                mark(a.lhs);
                super.visitAssign(a);
            }

            @Override
            public void visitAssignop(JCTree.JCAssignOp a) {
                mark(a.lhs);
                super.visitAssignop(a);
            }

            @Override
            public void visitUnary(JCTree.JCUnary u) {
                if (u.getTag().isIncOrDecUnaryOp()) {
                    mark(u.arg);
                }
                super.visitUnary(u);
            }

            private void mark(JCTree lhs) {
                Symbol s = TreeInfo.symbol(TreeInfo.skipParens(lhs));
                if (s != null) {
                    reassigned.add(s);
                }
            }
        }.scan(tree);
    }

    boolean isChecked(Type t) {
        return t != null && !t.isErroneous() && !types.isSubtype(t, syms.runtimeExceptionType)
                && !types.isSubtype(t, syms.errorType);
    }

    private boolean isHandled(Type t, List<Type> handlers) {
        for (Type h : handlers) {
            if (types.isSubtype(t, h)) {
                return true;
            }
        }
        return false;
    }

    private void mark(Type t, JCTree origin) {
        if (t == null || t.isErroneous() || !isChecked(t)) {
            return;
        }
        for (Entry e : thrown) {
            if (types.isSameType(e.type(), t)) {
                return;
            }
        }
        thrown.add(new Entry(t, origin));
    }

    @Override
    public void visitApply(JCTree.JCMethodInvocation tree) {
        super.visitApply(tree);
        Type mt = tree.meth.type;
        if (mt != null && !mt.isErroneous()) {
            for (Type t : mt.getThrownTypes()) {
                mark(t, tree);
            }
        }
    }

    @Override
    public void visitNewClass(JCTree.JCNewClass tree) {
        scan(tree.encl);
        scan(tree.args);
        if (tree.constructorType != null) {
            for (Type t : tree.constructorType.getThrownTypes()) {
                mark(t, tree);
            }
        }
    }

    @Override
    public void visitLambda(JCTree.JCLambda tree) {
    }

    @Override
    public void visitClassDef(JCTree.JCClassDecl tree) {
    }

    @Override
    public void visitThrow(JCTree.JCThrow tree) {
        scan(tree.expr);
        Symbol sym = TreeInfo.symbol(TreeInfo.skipParens(tree.expr));
        if (sym != null && precise.containsKey(sym) && !reassigned.contains(sym)) {
            for (Type t : precise.get(sym)) {
                mark(t, tree);
            }
        } else {
            mark(tree.expr.type, tree);
        }
    }

    @Override
    public void visitTry(JCTree.JCTry tree) {
        List<Entry> outer = thrown;
        thrown = new ArrayList<>();
        for (JCTree r : tree.resources) {
            scan(r);
            markClose(r);
        }
        scan(tree.body);
        List<Entry> inTry = thrown;
        thrown = new ArrayList<>();
        List<Type> inTryTypes = new ArrayList<>();
        for (Entry e : inTry) {
            inTryTypes.add(e.type());
        }
        inTryTypes.add(syms.runtimeExceptionType);
        inTryTypes.add(syms.errorType);
        List<Type> caught = new ArrayList<>();
        for (JCTree.JCCatch c : tree.catchers) {
            List<Type> ctypes = new ArrayList<>();
            if (c.param.vartype instanceof JCTree.JCTypeUnion u) {
                for (JCTree.JCExpression alt : u.alternatives) {
                    if (alt.type != null) {
                        ctypes.add(alt.type);
                    }
                }
            } else if (c.param.sym != null) {
                ctypes.add(c.param.sym.type);
            }
            List<Type> rethrown = new ArrayList<>();
            for (Type t : inTryTypes) {
                if (!isHandled(t, caught)) {
                    rethrown.add(t);
                }
            }
            if (c.param.sym != null) {
                precise.put(c.param.sym, intersect(ctypes, rethrown));
            }
            caught.addAll(ctypes);
            scan(c.body);
        }
        List<Entry> fromCatches = thrown;
        thrown = new ArrayList<>();
        boolean finallyCompletes = true;
        if (tree.finalizer != null && tree != skipFinallyOf) {
            scan(tree.finalizer);
            finallyCompletes = canCompleteNormally(tree.finalizer);
        }
        List<Entry> fromFinally = thrown;
        thrown = outer;
        if (finallyCompletes) {
            for (Entry e : inTry) {
                if (!isHandled(e.type(), caught)) {
                    mark(e.type(), e.origin());
                }
            }
            for (Entry e : fromCatches) {
                mark(e.type(), e.origin());
            }
        }
        for (Entry e : fromFinally) {
            mark(e.type(), e.origin());
        }
    }

    /** As javac's {@code Check.intersect}: the more specific of each pair related by subtyping. */
    private List<Type> intersect(List<Type> a, List<Type> b) {
        List<Type> out = new ArrayList<>();
        for (Type x : a) {
            for (Type y : b) {
                Type t = types.isSubtype(x, y) ? x : types.isSubtype(y, x) ? y : null;
                if (t != null && out.stream().noneMatch(o -> types.isSameType(o, t))) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** A block that ends in {@code return} or {@code throw} (the common finally that overrides). */
    private static boolean canCompleteNormally(JCTree.JCBlock block) {
        for (JCTree.JCStatement s : block.stats) {
            if (s instanceof JCTree.JCReturn || s instanceof JCTree.JCThrow) {
                return false;
            }
        }
        return true;
    }

    private void markClose(JCTree resource) {
        Type type = resource instanceof JCTree.JCVariableDecl vd && vd.sym != null ? vd.sym.type : resource.type;
        for (Type t : closeThrown(type)) {
            mark(t, resource);
        }
    }

    /** The thrown types of {@code close()} as a member of {@code type} (most derived declaration). */
    private List<Type> closeThrown(Type type) {
        if (type == null || type.isErroneous()) {
            return List.of();
        }
        Type site = types.skipTypeVars(type, false);
        for (Type sup : types.closure(site)) {
            for (Symbol m : sup.tsym.members().getSymbolsByName(names.close, Scope.LookupKind.NON_RECURSIVE)) {
                if (m.kind == Kinds.Kind.MTH && ((Symbol.MethodSymbol) m).params().isEmpty()) {
                    List<Type> out = new ArrayList<>();
                    for (Type t : types.memberType(site, m).getThrownTypes()) {
                        out.add(t);
                    }
                    return out;
                }
            }
        }
        return List.of();
    }
}
