package dev.backfillfleet.testing.emulators;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Prints one line saying that a Testcontainers-backed test class is skipped for want of Docker,
 * so that CI output shows what ran. It never disables anything itself: that is
 * {@code @Testcontainers(disabledWithoutDocker = true)}'s job.
 */
public final class DockerBackendReport
        implements ExecutionCondition
{
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context)
    {
        if (context.getTestMethod().isEmpty() && context.getTestClass().isPresent() && !dockerAvailable()) {
            System.out.println("contract: " + context.getRequiredTestClass().getSimpleName() + " SKIPPED: no Docker environment for Testcontainers");
        }
        return ConditionEvaluationResult.enabled("reporting only");
    }

    private static boolean dockerAvailable()
    {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException e) {
            return false;
        }
    }
}
