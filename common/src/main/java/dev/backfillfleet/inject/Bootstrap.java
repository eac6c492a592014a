package dev.backfillfleet.inject;

import com.google.inject.Binder;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.backfillfleet.config.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place an injector is made, for every process (each coordinator verb, a worker, the
 * benchmark harness): the fleet's modules for the configuration, chosen by
 * {@link BackendModules}, plus the process's own, under the strict options of Airlift's
 * {@code Bootstrap}: production stage (every singleton made at once, so a wiring mistake fails
 * before any work), no circular proxies, every binding explicit (nothing made just in time from
 * a constructor the modules never named) and binding annotations matched exactly. Making the
 * injector does no I/O: every adapter opens its files or clients on first use.
 */
public final class Bootstrap
{
    private Bootstrap() {}

    public static Injector createInjector(Configuration config, AccessMode access, List<Module> processModules)
    {
        List<Module> modules = new ArrayList<>();
        modules.add(Bootstrap::strict);
        modules.addAll(BackendModules.forConfig(config, access));
        modules.addAll(processModules);
        return Guice.createInjector(Stage.PRODUCTION, modules);
    }

    private static void strict(Binder binder)
    {
        binder.disableCircularProxies();
        binder.requireExplicitBindings();
        binder.requireExactBindingAnnotations();
    }
}
