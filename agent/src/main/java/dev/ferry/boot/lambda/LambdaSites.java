package dev.ferry.boot.lambda;

import dev.ferry.boot.security.Refusals;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import java.io.InvalidObjectException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The reader's side of the allow-list: resolves the call site a recipe names, but only among the call sites that this
 * JVM's own transformer found in the capturing class (DESIGN.md fact 4). Nothing the stream names is looked up,
 * linked or run before that check passes. Resolved call sites are cached per class.
 */
public final class LambdaSites {

    private static final ClassValue<Table> TABLES = new ClassValue<>() {
        @Override
        protected Table computeValue(Class<?> type) {
            SymbolicCallSite[] sites = LambdaSiteTables.lookup(type.getClassLoader(), type.getName());
            return sites == null ? null : new Table(sites);
        }
    };

    private LambdaSites() {
    }

    /**
     * The call site of {@code capturingClass} that a writer called {@code index} with signature {@code hash}.
     *
     * @throws InvalidObjectException naming what was refused, if this JVM knows no such call site
     */
    public static LambdaSite resolve(Class<?> capturingClass, int index, int hash) throws InvalidObjectException {
        Table table = TABLES.get(capturingClass);
        if (table == null) {
            throw Refusals.invalidObject(RefusalReason.LAMBDA_CALL_SITE, capturingClass.getName(),
                    "refused lambda recipe: " + capturingClass.getName() + " has no lambda call sites prepared by Ferry in this JVM (it has none, it is excluded by the"
                    + " include/exclude options, or it was loaded before Ferry started)");
        }
        int position = table.positionOf(index, hash);
        if (position < 0) {
            throw Refusals.invalidObject(RefusalReason.LAMBDA_CALL_SITE, capturingClass.getName(),
                    "refused lambda recipe: " + capturingClass.getName() + " has no lambda call site #" + index + " with signature hash " + Integer.toHexString(hash)
                    + " (the writer's and this JVM's versions of the class differ, or the stream was forged)");
        }
        return table.resolved(capturingClass, position);
    }

    private static final class Table {
        private final SymbolicCallSite[] sites;
        private final AtomicReferenceArray<LambdaSite> resolved;

        Table(SymbolicCallSite[] sites) {
            this.sites = sites;
            this.resolved = new AtomicReferenceArray<>(sites.length);
        }

        /** The exact position first; a call site that moved between builds is found by its meaning. */
        int positionOf(int index, int hash) {
            if (index < sites.length && sites[index].hash() == hash) {
                return index;
            }
            int found = -1;
            for (int i = 0; i < sites.length; i++) {
                if (sites[i].hash() == hash) {
                    if (found >= 0) {
                        return -1;
                    }
                    found = i;
                }
            }
            return found;
        }

        LambdaSite resolved(Class<?> capturingClass, int position) throws InvalidObjectException {
            LambdaSite site = resolved.get(position);
            if (site == null) {
                long start = System.nanoTime();
                site = resolve(capturingClass, sites[position]);
                if (resolved.compareAndSet(position, null, site)) {
                    AgentCounters.lambdaMaterialized(capturingClass.getName(), System.nanoTime() - start);
                } else {
                    site = resolved.get(position);
                }
            }
            return site;
        }
    }

    private static LambdaSite resolve(Class<?> capturingClass, SymbolicCallSite symbolic)
            throws InvalidObjectException {
        try {
            ClassLoader loader = capturingClass.getClassLoader();
            MethodHandles.Lookup lookup = LambdaSite.lookupFor(capturingClass);
            Class<?>[] markers = new Class<?>[symbolic.markers().size()];
            for (int i = 0; i < markers.length; i++) {
                markers[i] = Class.forName(symbolic.markers().get(i).replace('/', '.'), false, loader);
            }
            MethodType[] bridges = new MethodType[symbolic.bridges().size()];
            for (int i = 0; i < bridges.length; i++) {
                bridges[i] = MethodType.fromMethodDescriptorString(symbolic.bridges().get(i), loader);
            }
            return new LambdaSite(capturingClass, symbolic.index(), symbolic.hash(), symbolic.enclosingMethod(),
                    symbolic.implementation(), symbolic.samName(),
                    MethodType.fromMethodDescriptorString(symbolic.factoryDescriptor(), loader),
                    MethodType.fromMethodDescriptorString(symbolic.samDescriptor(), loader),
                    MethodType.fromMethodDescriptorString(symbolic.instantiatedDescriptor(), loader),
                    implementation(lookup, capturingClass, symbolic), markers, bridges);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw Refusals.invalidObject(RefusalReason.DEFINITION, capturingClass.getName(), "cannot link lambda call site #" + symbolic.index() + " ("
                    + symbolic.implementation() + ") of " + capturingClass.getName() + " in this JVM: " + e, e);
        }
    }

    private static MethodHandle implementation(MethodHandles.Lookup lookup, Class<?> capturingClass,
            SymbolicCallSite symbolic) throws ReflectiveOperationException {
        ClassLoader loader = capturingClass.getClassLoader();
        Class<?> owner = Class.forName(symbolic.implOwner().replace('/', '.'), false, loader);
        MethodType type = MethodType.fromMethodDescriptorString(symbolic.implDescriptor(), loader);
        String name = symbolic.implName();
        switch (symbolic.implKind()) {
            case MethodHandleInfo.REF_invokeStatic:
                return lookup.findStatic(owner, name, type);
            case MethodHandleInfo.REF_invokeVirtual:
            case MethodHandleInfo.REF_invokeInterface:
                return lookup.findVirtual(owner, name, type);
            case MethodHandleInfo.REF_invokeSpecial:
                return lookup.findSpecial(owner, name, type, capturingClass);
            case MethodHandleInfo.REF_newInvokeSpecial:
                return lookup.findConstructor(owner, type);
            default:
                throw new NoSuchMethodException("unsupported implementation kind " + symbolic.implKind());
        }
    }
}
