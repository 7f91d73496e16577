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
 * Which hoisted locals each suspension must save into their fields, and which reference fields it
 * must null, so a parked coroutine retains only what it still needs.
 *
 * <p>While {@code $resume} runs, hoisted locals live in Java locals of the same names (loaded from
 * their fields on entry); a field is written only on the path that parks the machine. A local is
 * live at a resume state when some state reachable from it (by jumps, fall-through, awaits, and
 * the catch/finally handlers of every enclosing try) touches it: the suspension saves it. A
 * reference field that an earlier suspension may have filled and whose local is dead at the
 * resume state is nulled there instead.
 */
final class Liveness {
    private static final Pattern STATE = Pattern.compile("\\$state = (\\d+);");

    /** What one suspension writes: the locals it saves and the reference fields it nulls. */
    record Park(Set<Object> save, Set<Object> clear) {}

    private final List<Block> blocks;
    private final Map<Region, List<Block>> inlineHandlers;
    private final Map<Block, Set<Object>> touched;
    private final Set<? extends Object> references;
    private final Map<Integer, Block> byId = new HashMap<>();
    private final Map<Block, Set<Block>> succ = new HashMap<>();
    private final Map<Region, Set<Block>> handlerTargets = new HashMap<>();

    Liveness(List<Block> blocks, Map<Region, List<Block>> inlineHandlers,
            Map<Block, Set<Object>> touched, Set<? extends Object> references) {
        this.blocks = blocks;
        this.inlineHandlers = inlineHandlers;
        this.touched = touched;
        this.references = references;
    }

    /** For every block that ends in an await: what its suspending path writes. */
    Map<Block, Park> parks() {
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
        // forward: reference fields an earlier suspension may have filled, on entry to each state
        // (fields change only where the machine parks: the paths that do not park leave them be)
        Map<Block, Set<Object>> in = new HashMap<>();
        for (Block b : blocks) {
            in.put(b, new HashSet<>());
        }
        changed = true;
        while (changed) {
            changed = false;
            for (Block b : blocks) {
                Set<Object> out = new HashSet<>(in.get(b));
                if (b.awaitTarget != null) {
                    for (Object e : references) {
                        if (reach.get(b.awaitTarget).contains(e)) {
                            out.add(e);
                        }
                    }
                }
                for (Block s : succ.get(b)) {
                    changed |= in.get(s).addAll(out);
                }
            }
        }
        Map<Block, Park> parks = new HashMap<>();
        for (Block b : blocks) {
            if (b.awaitTarget == null || b.awaitAt < 0) {
                continue;
            }
            Set<Object> live = reach.get(b.awaitTarget);
            Set<Object> clear = new HashSet<>();
            for (Object e : references) {
                if (in.get(b).contains(e) && !live.contains(e)) {
                    clear.add(e);
                }
            }
            parks.put(b, new Park(live, clear));
        }
        return parks;
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
