package io.asyncj.processor.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nulls hoisted reference fields whose values are dead, so a parked coroutine retains only what it
 * still needs. A field is dead at a resume state when no state reachable from it (by jumps,
 * fall-through, awaits, and the catch/finally handlers of every enclosing try) touches its local.
 * At each await after which a field that may hold a value is dead, the field is nulled on the
 * suspending path (before {@code return}) and at the top of the resume state (the path where the
 * awaited thing was already done).
 */
final class Liveness {
    private static final Pattern STATE = Pattern.compile("\\$state = (\\d+);");

    private final Region root;
    private final List<Block> blocks;
    private final Map<Region, List<Block>> inlineHandlers;
    private final Map<Block, Set<Object>> touched;
    private final Map<? extends Object, String> references;
    private final Map<Integer, Block> byId = new HashMap<>();
    private final Map<Block, Set<Block>> succ = new HashMap<>();
    private final Map<Region, Set<Block>> handlerTargets = new HashMap<>();

    Liveness(Region root, List<Block> blocks, Map<Region, List<Block>> inlineHandlers,
            Map<Block, Set<Object>> touched, Map<? extends Object, String> references) {
        this.root = root;
        this.blocks = blocks;
        this.inlineHandlers = inlineHandlers;
        this.touched = touched;
        this.references = references;
    }

    void nullDeadFields() {
        if (references.isEmpty()) {
            return;
        }
        for (Block b : blocks) {
            byId.put(b.id, b);
        }
        for (Block b : blocks) {
            succ.put(b, successors(b));
        }
        // backward: locals touched by some state reachable from each state (itself included)
        Map<Block, Set<Object>> reach = new HashMap<>();
        for (Block b : blocks) {
            reach.put(b, new HashSet<>(touched.getOrDefault(b, Set.of())));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = blocks.size() - 1; i >= 0; i--) {
                Block b = blocks.get(i);
                Set<Object> r = reach.get(b);
                for (Block s : succ.get(b)) {
                    changed |= r.addAll(reach.get(s));
                }
            }
        }
        // forward: locals that may hold a value on entry to each state
        Map<Block, Set<Object>> in = new HashMap<>();
        Map<Block, Set<Object>> nulled = new HashMap<>();
        for (Block b : blocks) {
            in.put(b, new HashSet<>());
            nulled.put(b, new LinkedHashSet<>());
        }
        changed = true;
        while (changed) {
            changed = false;
            for (Block b : blocks) {
                Set<Object> out = new HashSet<>(in.get(b));
                out.addAll(touched.getOrDefault(b, Set.of()));
                if (b.awaitTarget != null) {
                    Set<Object> live = reach.get(b.awaitTarget);
                    for (Object e : references.keySet()) {
                        if (out.contains(e) && !live.contains(e)) {
                            changed |= nulled.get(b).add(e);
                        }
                    }
                }
                for (Block s : succ.get(b)) {
                    Set<Object> flow = out;
                    if (s == b.awaitTarget) {
                        flow = new HashSet<>(out);
                        flow.removeAll(nulled.get(b));
                    }
                    changed |= in.get(s).addAll(flow);
                }
            }
        }
        Map<Block, Object[]> prologues = new java.util.LinkedHashMap<>();
        for (Block b : blocks) {
            Set<Object> dead = nulled.get(b);
            if (dead.isEmpty() || b.awaitAt < 0) {
                continue;
            }
            StringBuilder clear = new StringBuilder();
            for (Object e : references.keySet()) {
                if (dead.contains(e)) {
                    clear.append(references.get(e)).append(" = null;\n");
                }
            }
            String open = "{\n" + clear;
            b.code.insertGlue(b.awaitAt, b.awaitPos, open);
            int afterReturn = b.awaitEnd + Text.glueLength(b.awaitPos, open);
            b.code.insertGlue(afterReturn, b.awaitPos, "}\n");
            prologues.put(b.awaitTarget, new Object[] {b.awaitPos, clear.toString()});
        }
        // after the await sites: an insertion at 0 would move a resume state's own await offsets
        for (Map.Entry<Block, Object[]> p : prologues.entrySet()) {
            p.getKey().code.insertGlue(0, (Integer) p.getValue()[0], (String) p.getValue()[1]);
        }
    }

    private Set<Block> successors(Block b) {
        Set<Block> out = new LinkedHashSet<>();
        if (b.next != null) {
            out.add(b.next);
        } else if (!b.terminated) {
            Block layout = layoutSuccessor(b);
            if (layout != null) {
                out.add(layout);
            }
        }
        if (b.awaitTarget != null) {
            out.add(b.awaitTarget);
        }
        addStates(b.code.toString(), out);
        for (Region r = b.region; r != null; r = r.parent) {
            out.addAll(handlerTargets(r));
        }
        return out;
    }

    private Set<Block> handlerTargets(Region r) {
        return handlerTargets.computeIfAbsent(r, x -> {
            Set<Block> out = new LinkedHashSet<>();
            addStates(r.handlers.toString(), out);
            out.addAll(inlineHandlers.getOrDefault(r, List.of()));
            return out;
        });
    }

    private void addStates(String code, Set<Block> out) {
        Matcher m = STATE.matcher(code);
        while (m.find()) {
            Block t = byId.get(Integer.parseInt(m.group(1)));
            if (t != null) {
                out.add(t);
            }
        }
    }

    private Block layoutSuccessor(Block b) {
        List<Object> items = b.region == null ? List.of() : b.region.items;
        int i = items.indexOf(b);
        if (i < 0 || i + 1 >= items.size()) {
            return null;
        }
        Object next = items.get(i + 1);
        if (next instanceof Block nb) {
            return nb;
        }
        List<Integer> states = ((Region) next).states();
        return states.isEmpty() ? null : byId.get(states.get(0));
    }

}
