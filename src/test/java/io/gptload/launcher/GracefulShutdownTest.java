package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    /** Stands in for the application's MBean. */
    public interface FakeDrainMBean {
        boolean drain();
    }

    /** Records the order of events. */
    public static final class FakeDrain implements FakeDrainMBean {
        private final List<String> events;
        private final boolean result;

        FakeDrain(List<String> events, boolean result) {
            this.events = events;
            this.result = result;
        }

        @Override
        public boolean drain() {
            events.add("drain");
            return result;
        }
    }

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final List<String> events = new ArrayList<>();
    private final GracefulShutdown shutdown = new GracefulShutdown(server, code -> events.add("exit " + code));

    @Test
    void drainsBeforeExiting() throws Exception {
        server.registerMBean(new FakeDrain(events, true), new ObjectName(GracefulShutdown.MBEAN));
        shutdown.onSignal("TERM");
        assertEquals(List.of("drain", "exit 0"), events);
    }

    @Test
    void aSecondSignalExitsWithoutDrainingAgain() throws Exception {
        server.registerMBean(new FakeDrain(events, false), new ObjectName(GracefulShutdown.MBEAN));
        shutdown.onSignal("TERM");
        shutdown.onSignal("INT");
        assertEquals(List.of("drain", "exit 0", "exit 0"), events);
    }

    @Test
    void withoutTheApplicationThereIsNothingToDrain() {
        assertTrue(shutdown.drain());
        shutdown.onSignal("TERM");
        assertEquals(List.of("exit 0"), events);
    }

    @Test
    void anUnfinishedDrainIsReported() throws Exception {
        server.registerMBean(new FakeDrain(events, false), new ObjectName(GracefulShutdown.MBEAN));
        assertFalse(shutdown.drain());
    }

    @Test
    void theNameIsTheOneTheApplicationRegisters() {
        assertEquals("io.gptload:type=GracefulShutdown", GracefulShutdown.MBEAN);
    }
}
