package io.asyncj.processor.javac;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.util.Context;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * An attributed copy of an {@code @Async} method's body: public {@code com.sun.source} trees whose
 * every expression has its type and every name its symbol, plus the original source positions of
 * each node. Read-only for the stages after {@code analyze}.
 */
public final class TypedBody {
    private final Types types;
    private final Context context;
    private final com.sun.tools.javac.code.Symtab syms;
    private final com.sun.tools.javac.util.Names names;
    private final JavacBridge.MethodTarget target;
    private final JCTree.JCBlock body;
    private final Map<JCTree, JCTree> copyToOriginal;

    private final java.util.List<com.sun.tools.javac.util.JCDiagnostic> flowErrors;
    private final java.util.List<com.sun.tools.javac.util.JCDiagnostic> attributionErrors;

    TypedBody(Context context, JavacBridge.MethodTarget target, JCTree.JCBlock body,
            Map<JCTree, JCTree> copyToOriginal, java.util.List<com.sun.tools.javac.util.JCDiagnostic> flowErrors,
            java.util.List<com.sun.tools.javac.util.JCDiagnostic> attributionErrors) {
        this.flowErrors = flowErrors;
        this.attributionErrors = attributionErrors;
        this.types = Types.instance(context);
        this.context = context;
        this.syms = com.sun.tools.javac.code.Symtab.instance(context);
        this.names = com.sun.tools.javac.util.Names.instance(context);
        this.target = target;
        this.body = body;
        this.copyToOriginal = copyToOriginal;
    }

    public BlockTree body() {
        return body;
    }

    /** The type javac gave {@code tree}, or {@code null} (statements, erroneous trees). */
    public TypeMirror type(Tree tree) {
        Type t = ((JCTree) tree).type;
        return t == null || t.hasTag(TypeTag.NONE) ? null : t;
    }

    /** The symbol {@code tree} names or declares (identifier, field access, call, new, declaration). */
    public Element element(Tree tree) {
        JCTree t = (JCTree) tree;
        if (t instanceof JCTree.JCNewClass nc) {
            return nc.constructor;
        }
        if (t instanceof JCTree.JCClassDecl cd) {
            return cd.sym;
        }
        Symbol sym = TreeInfo.symbol(t);
        if (sym == null && t instanceof JCTree.JCVariableDecl vd) {
            sym = vd.sym;
        }
        if (sym == null && t instanceof JCTree.JCMethodInvocation mi) {
            sym = TreeInfo.symbol(mi.meth);
        }
        return sym;
    }

    /** Whether the local variable was declared with {@code var} (its type is inferred). */
    public boolean declaredWithVar(VariableTree variable) {
        JCTree original = copyToOriginal.get((JCTree) variable);
        JCTree.JCVariableDecl vd = (JCTree.JCVariableDecl) (original != null ? original : (JCTree) variable);
        return vd.vartype == null || vd.declaredUsingVar();
    }

    /** Whether the variable tree came from source with an explicit type tree of its own. */
    public boolean hasTypeTree(VariableTree variable) {
        JCTree original = copyToOriginal.get((JCTree) variable);
        JCTree.JCVariableDecl vd = (JCTree.JCVariableDecl) (original != null ? original : (JCTree) variable);
        return vd.vartype != null && !vd.declaredUsingVar();
    }

    /** Start offset of {@code tree} in the original source. */
    public int start(Tree tree) {
        return TreeInfo.getStartPos((JCTree) tree);
    }

    /** The "preferred" offset of {@code tree} (where javac puts its caret). */
    public int position(Tree tree) {
        return ((JCTree) tree).pos;
    }

    /** End offset (exclusive) of {@code tree} in the original source. */
    public int end(Tree tree) {
        JCTree original = copyToOriginal.get((JCTree) tree);
        JCTree t = original != null ? original : (JCTree) tree;
        int end = target.unit.endPositions == null ? -1 : TreeInfo.getEndPos(t, target.unit.endPositions);
        if (end < 0 || end == com.sun.tools.javac.util.Position.NOPOS) {
            end = TreeInfo.endPos(t);
        }
        return end;
    }

    /**
     * Source text of a denotable type that {@code type} can be stored in: captures, intersections
     * and anonymous classes are projected to a supertype a field can be declared with.
     */
    public String print(TypeMirror type) {
        return print((Type) type, false);
    }

    /** While set: names a type variable for an intersection met as a type argument, given its bounds. */
    private java.util.function.Function<java.util.List<String>, String> intersectionArgument;

    /**
     * {@link #print} for the type of a field that holds a local: an intersection met as a type
     * argument ({@code List<Base & Named>}, which no declaration can write) is named by
     * {@code typeVariable}, given the intersection's printed bounds (a type variable of the state
     * machine bounded by them), instead of being projected to its first bound.
     */
    public String printWithTypeVariables(TypeMirror type,
            java.util.function.Function<java.util.List<String>, String> typeVariable) {
        java.util.function.Function<java.util.List<String>, String> saved = intersectionArgument;
        intersectionArgument = typeVariable;
        try {
            return print((Type) type, false);
        } finally {
            intersectionArgument = saved;
        }
    }

    private String print(Type t, boolean asArgument) {
        if (t == null) {
            return "java.lang.Object";
        }
        switch (t.getTag()) {
            case BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, VOID:
                return t.tsym.name.toString();
            case BOT:
                return "java.lang.Object";
            case ARRAY:
                return print(((Type.ArrayType) t).elemtype, false) + "[]";
            case WILDCARD: {
                Type.WildcardType w = (Type.WildcardType) t;
                return switch (w.kind) {
                    case UNBOUND -> "?";
                    case EXTENDS -> "? extends " + print(w.type, false);
                    case SUPER -> "? super " + print(w.type, false);
                };
            }
            case TYPEVAR:
                if (t instanceof Type.CapturedType captured) {
                    return asArgument ? print(captured.wildcard, true) : print(captured.getUpperBound(), false);
                }
                return t.tsym.name.toString();
            case CLASS: {
                // a field's own intersection type with a generic bound: no cast can take a read back to
                // it unchecked, so it is named by a type variable too (its other reads need no cast)
                if ((asArgument || genericBound(t)) && t.isCompound() && !t.isUnion() && intersectionArgument != null) {
                    java.util.function.Function<java.util.List<String>, String> sink = intersectionArgument;
                    intersectionArgument = null; // bounds are printed as print prints them
                    try {
                        java.util.List<String> bounds = new java.util.ArrayList<>();
                        for (Type b : types.directSupertypes(t)) {
                            bounds.add(print(b, false));
                        }
                        return sink.apply(bounds);
                    } finally {
                        intersectionArgument = sink;
                    }
                }
                if (t.isCompound() || t.isUnion()) {
                    Type lub = t.isUnion() ? ((Type.UnionClassType) t).getLub() : types.supertype(t);
                    if (t.isCompound()) {
                        // An intersection: its first bound is the most useful denotable supertype.
                        java.util.List<Type> bounds = types.directSupertypes(t);
                        lub = bounds.isEmpty() ? lub : bounds.get(0);
                    }
                    return print(lub, asArgument);
                }
                Symbol.ClassSymbol cs = (Symbol.ClassSymbol) t.tsym;
                if (cs.name.isEmpty()) {
                    // Anonymous class: its interface, or else its superclass.
                    java.util.List<Type> ifaces = types.interfaces(t);
                    return print(ifaces.isEmpty() ? types.supertype(t) : ifaces.get(0), asArgument);
                }
                StringBuilder sb = new StringBuilder();
                boolean local = cs.owner.kind == com.sun.tools.javac.code.Kinds.Kind.MTH
                        || cs.owner.kind == com.sun.tools.javac.code.Kinds.Kind.VAR;
                if (!local && !accessible(cs)) {
                    // a class this one cannot name (a value javac inferred it for): its nearest
                    // accessible supertype, which holds the value (as a type argument, its bound)
                    String sup = print(accessibleSupertype(t), false);
                    return asArgument ? "? extends " + sup : sup;
                }
                Type outer = t.getEnclosingType();
                if (!local && outer != null && outer.hasTag(TypeTag.CLASS) && parameterized(outer)) {
                    // an inner class of a generic class: Outer<A>.Inner (Outer.Inner would be raw)
                    sb.append(print(outer, false)).append('.').append(cs.name);
                } else {
                    sb.append(local ? cs.name.toString() : cs.getQualifiedName().toString());
                }
                java.util.List<Type> args = t.getTypeArguments();
                if (!args.isEmpty()) {
                    sb.append('<');
                    for (int i = 0; i < args.size(); i++) {
                        if (i > 0) {
                            sb.append(", ");
                        }
                        sb.append(print(args.get(i), true));
                    }
                    sb.append('>');
                }
                return sb.toString();
            }
            default:
                return t.toString();
        }
    }

    /** Whether {@code t} or a type enclosing it has type arguments. */
    private static boolean parameterized(Type t) {
        for (Type o = t; o != null && o.hasTag(TypeTag.CLASS); o = o.getEnclosingType()) {
            if (!o.getTypeArguments().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private boolean genericBound(Type t) {
        if (!t.isCompound() || t.isUnion()) {
            return false;
        }
        for (Type b : types.directSupertypes(t)) {
            if (b.isParameterized() || !b.getTypeArguments().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The element type an enhanced {@code for} over an {@code Iterable} of type {@code type} gets
     * from its iterator, printed (as a type argument's upper bound); {@code java.lang.Object} when raw.
     */
    public String printIterableElement(TypeMirror type) {
        return printIterableElement(type, this::print);
    }

    /** {@link #printIterableElement} with the element type printed by {@code printer}. */
    public String printIterableElement(TypeMirror type, java.util.function.Function<TypeMirror, String> printer) {
        Type t = (Type) type;
        Type it = t == null ? null : types.asSuper(types.skipTypeVars(t, false), syms.iterableType.tsym);
        if (it == null || it.getTypeArguments().isEmpty()) {
            return "java.lang.Object";
        }
        Type e = types.wildUpperBound(it.getTypeArguments().head);
        return printer.apply(e);
    }

    /**
     * For a local of an intersection type (a {@code var} of a conditional's lub, say), which a
     * field holds as the type {@link #print} projects it to: the printed component of the
     * intersection to cast a read to so that {@code member} is in reach again; {@code null} when the
     * type is no intersection or the projection has the member already.
     */
    public String intersectionCastFor(TypeMirror type, Element member) {
        if (member == null || !(member.getEnclosingElement() instanceof Symbol.ClassSymbol owner)) {
            return null;
        }
        return intersectionCastTo(type, owner);
    }

    /**
     * For a local of an intersection type whose components are all non-generic: the printed
     * intersection ({@code Base & Closer}), which a read of the field that holds it is cast back
     * to; {@code null} otherwise (a generic component's cast would be unchecked).
     */
    public String intersectionCast(TypeMirror type) {
        Type t = (Type) type;
        if (t == null || !t.isCompound()) {
            return null;
        }
        java.util.List<Type> bounds = types.directSupertypes(t);
        if (bounds.size() < 2) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Type b : bounds) {
            if (b.isParameterized() || b.tsym == null || !b.getTypeArguments().isEmpty()) {
                return null;
            }
            if (sb.length() > 0) {
                sb.append(" & ");
            }
            sb.append(print(b, false));
        }
        return sb.toString();
    }

    /** {@link #intersectionCastFor} for the {@code close()} a try-with-resources calls. */
    public String intersectionCastForClose(TypeMirror type) {
        return intersectionCastTo(type, (Symbol.ClassSymbol) syms.autoCloseableType.tsym);
    }

    private String intersectionCastTo(TypeMirror type, Symbol.ClassSymbol owner) {
        Type t = (Type) type;
        if (t == null || !t.isCompound()) {
            return null;
        }
        java.util.List<Type> bounds = types.directSupertypes(t);
        if (bounds.isEmpty() || types.isSubtype(types.erasure(bounds.get(0)), types.erasure(owner.type))) {
            return null;
        }
        for (Type b : bounds) {
            if (types.isSubtype(types.erasure(b), types.erasure(owner.type))) {
                return print(b, false);
            }
        }
        return null;
    }

    /**
     * Whether argument {@code argIndex} of the call or instance creation {@code call} is passed to a
     * primitive parameter (the element type of a variable-arity call's array), so javac unboxes it as
     * soon as it is evaluated, before the later arguments run.
     */
    public boolean argumentIsPrimitive(Tree call, int argIndex) {
        JCTree t = (JCTree) call;
        Symbol sym;
        Type varargsElement;
        if (t instanceof JCTree.JCMethodInvocation mi) {
            sym = TreeInfo.symbol(mi.meth);
            varargsElement = mi.varargsElement;
        } else if (t instanceof JCTree.JCNewClass nc) {
            sym = nc.constructor;
            varargsElement = nc.varargsElement;
        } else {
            return false;
        }
        if (!(sym instanceof Symbol.MethodSymbol ms) || ms.type == null || argIndex < 0) {
            return false;
        }
        com.sun.tools.javac.util.List<Type> params = ms.type.getParameterTypes();
        int n = params.size();
        Type p;
        if (varargsElement != null && argIndex >= n - 1) {
            p = varargsElement;
        } else if (argIndex < n) {
            p = params.get(argIndex);
        } else {
            return false;
        }
        return p != null && p.isPrimitive();
    }

    /**
     * The first class {@code type} mentions (itself, a type argument, an array's element) that the
     * code of the {@code @Async} method's class cannot name (private to another class, package-private
     * in another package), printed; null when every one is accessible. A {@code var} can hold such a
     * value, a field's declaration cannot.
     */
    public String inaccessibleIn(TypeMirror type) {
        Symbol.ClassSymbol from = target.owner == null ? null : target.owner.sym;
        if (from == null || !(type instanceof Type t)) {
            return null;
        }
        com.sun.tools.javac.comp.Env<com.sun.tools.javac.comp.AttrContext> env =
                com.sun.tools.javac.comp.Enter.instance(context).getClassEnv(from);
        if (env == null) {
            return null;
        }
        return inaccessibleIn(t, env, com.sun.tools.javac.comp.Resolve.instance(context), 0);
    }

    private String inaccessibleIn(Type t, com.sun.tools.javac.comp.Env<com.sun.tools.javac.comp.AttrContext> env,
            com.sun.tools.javac.comp.Resolve resolve, int depth) {
        if (t == null || depth > 8) {
            return null;
        }
        if (t.hasTag(TypeTag.ARRAY)) {
            return inaccessibleIn(((Type.ArrayType) t).elemtype, env, resolve, depth + 1);
        }
        if (t.hasTag(TypeTag.WILDCARD)) {
            return inaccessibleIn(((Type.WildcardType) t).type, env, resolve, depth + 1);
        }
        if (!t.hasTag(TypeTag.CLASS) || t.isCompound() || t.isUnion()) {
            return null;
        }
        Symbol.ClassSymbol cs = (Symbol.ClassSymbol) t.tsym;
        if (!cs.name.isEmpty() && cs.owner.kind != com.sun.tools.javac.code.Kinds.Kind.MTH
                && cs.owner.kind != com.sun.tools.javac.code.Kinds.Kind.VAR && !accessible(cs)) {
            return cs.getQualifiedName().toString();
        }
        for (Type a : t.getTypeArguments()) {
            String in = inaccessibleIn(a, env, resolve, depth + 1);
            if (in != null) {
                return in;
            }
        }
        return null;
    }

    private com.sun.tools.javac.comp.Env<com.sun.tools.javac.comp.AttrContext> accessEnv;

    /** Whether the code of the {@code @Async} method's class can name {@code cs}. */
    private boolean accessible(Symbol.ClassSymbol cs) {
        if (accessEnv == null) {
            Symbol.ClassSymbol from = target.owner == null ? null : target.owner.sym;
            accessEnv = from == null ? null : com.sun.tools.javac.comp.Enter.instance(context).getClassEnv(from);
            if (accessEnv == null) {
                return true;
            }
        }
        com.sun.tools.javac.comp.Resolve resolve = com.sun.tools.javac.comp.Resolve.instance(context);
        // a class is named through the classes enclosing it: each must be accessible
        for (Symbol c = cs; c instanceof Symbol.ClassSymbol k; c = c.owner) {
            if (!resolve.isAccessible(accessEnv, k, true)) {
                return false;
            }
        }
        return true;
    }

    /** The first supertype of {@code t} (superclasses first, then interfaces) that is accessible. */
    private Type accessibleSupertype(Type t) {
        java.util.ArrayDeque<Type> queue = new java.util.ArrayDeque<>();
        queue.add(t);
        while (!queue.isEmpty()) {
            Type c = queue.poll();
            if (c != t && c.hasTag(TypeTag.CLASS) && accessible((Symbol.ClassSymbol) c.tsym)) {
                return c;
            }
            Type sup = types.supertype(c);
            if (sup != null && sup.hasTag(TypeTag.CLASS)) {
                queue.add(sup);
            }
            queue.addAll(types.interfaces(c));
        }
        return syms.objectType;
    }

    /** Whether {@code type} is a primitive (kept unboxed in a field). */
    public boolean isPrimitive(TypeMirror type) {
        return type != null && ((Type) type).isPrimitive();
    }

    /** The boxed form of {@code type}'s printed name when primitive, for use as a type argument. */
    public String printBoxed(TypeMirror type) {
        Type t = (Type) type;
        if (t != null && t.isPrimitive()) {
            return types.boxedClass(t).getQualifiedName().toString();
        }
        return print(type);
    }

    /** Whether {@code sub} is a subtype of the class named {@code qualifiedName} (erasures compared). */
    public boolean isSubtypeOf(TypeMirror sub, String qualifiedName) {
        if (!(sub instanceof Type t) || t.isPrimitive() || t.hasTag(TypeTag.BOT)) {
            return false;
        }
        for (Type s : types.closure(types.erasure(t))) {
            if (s.tsym != null && s.tsym.getQualifiedName().contentEquals(qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A checked exception type a statement can throw: its source text for a cast, the erasure's
     * text for an {@code instanceof} test, and the tree that throws it (for the error position).
     */
    public record Thrown(String type, String erasure, boolean typeVariable, Tree origin) {}

    /** The checked exceptions {@code tree} can throw (JLS 11.2), in order of first appearance. */
    public java.util.List<Thrown> thrown(Tree tree) {
        return thrown(ThrownTypes.of(types, syms, names, (JCTree) tree, null));
    }

    /** What the {@code try} statement can throw from its resources, body and catches (not its finally). */
    public java.util.List<Thrown> thrownBeforeFinally(com.sun.source.tree.TryTree tree) {
        return thrown(ThrownTypes.of(types, syms, names, (JCTree) tree, (JCTree.JCTry) tree));
    }

    private Map<JCTree.JCThrow, java.util.List<Type>> preciseRethrows;

    /**
     * The checked types a {@code throw} of an effectively final catch parameter rethrows (javac's
     * precise rethrow), or null when {@code tree} is not such a throw.
     */
    public java.util.List<Thrown> preciseRethrow(com.sun.source.tree.ThrowTree tree) {
        if (preciseRethrows == null) {
            preciseRethrows = ThrownTypes.preciseRethrows(types, syms, names, body);
        }
        java.util.List<Type> ts = preciseRethrows.get((JCTree.JCThrow) tree);
        if (ts == null) {
            return null;
        }
        java.util.List<Thrown> out = new java.util.ArrayList<>();
        for (Type t : ts) {
            out.add(thrown(t, tree));
        }
        return out;
    }

    /** What resources {@code from..} of a try-with-resources (inits and closes) and its body can throw. */
    public java.util.List<Thrown> thrownByResourcesFrom(com.sun.source.tree.TryTree tree, int from) {
        return thrown(ThrownTypes.resourcesFrom(types, syms, names, (JCTree.JCTry) tree, from));
    }

    private java.util.List<Thrown> thrown(java.util.List<ThrownTypes.Entry> entries) {
        java.util.List<Thrown> out = new java.util.ArrayList<>();
        for (ThrownTypes.Entry e : entries) {
            out.add(thrown(e.type(), e.origin()));
        }
        return out;
    }

    private Thrown thrown(Type t, Tree origin) {
        // a local exception class may be out of scope where the held exception is rethrown: its
        // nearest non-local superclass (which the method's throws clause must cover anyway)
        while (t.hasTag(TypeTag.CLASS) && t.tsym.owner != null
                && (t.tsym.owner.kind == com.sun.tools.javac.code.Kinds.Kind.MTH
                        || t.tsym.owner.kind == com.sun.tools.javac.code.Kinds.Kind.VAR)) {
            t = types.supertype(t);
        }
        boolean tv = t.hasTag(TypeTag.TYPEVAR);
        return new Thrown(print(t), print(types.erasure(t)), tv, origin);
    }

    /**
     * javac's errors from attributing the copy (a misspelled type, a missing import, a method that
     * does not exist): the method as written does not type-check, and javac says so when it
     * compiles it. Empty for a method that type-checks.
     */
    public java.util.List<com.sun.tools.javac.util.JCDiagnostic> attributionErrors() {
        return attributionErrors;
    }

    /** Whether javac's definite-assignment analysis ran on this copy (see {@link #flowErrors}). */
    public boolean flowAnalyzed() {
        return flowErrors != null;
    }

    /** javac's definite-assignment errors for the method as written; empty or null (not analyzed). */
    public java.util.List<com.sun.tools.javac.util.JCDiagnostic> flowErrors() {
        return flowErrors;
    }

    /** Whether a local is final or effectively final (meaningful once {@link #flowAnalyzed()}). */
    public boolean isEffectivelyFinal(Element local) {
        return local instanceof Symbol s
                && (s.flags() & (com.sun.tools.javac.code.Flags.FINAL | com.sun.tools.javac.code.Flags.EFFECTIVELY_FINAL)) != 0;
    }
}
