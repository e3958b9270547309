package io.gptload.admin;

import io.gptload.cluster.TaskSlot;
import io.gptload.cluster.TaskStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;

/**
 * The key page's progress panel: the current or last key task (import, validation, delete; one at
 * a time across the cluster), polled each second while one runs; when it ends, the key table and
 * the group's counts are read again.
 */
@Named
@ViewScoped
public class KeyTaskBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskSlot tasks;
    @Inject
    KeysBacking table;

    private boolean watching;

    /** Starts polling for a task just started here (an import, a validation). */
    public void watch() {
        watching = true;
        PrimeFaces.current().executeScript("PF('taskPoll').start()");
    }

    /** The current or last task, for the progress panel. */
    public TaskView getTask() {
        return TaskView.of(tasks.status());
    }

    /** Polled while a task runs: when it has ended, stops polling and refreshes keys and counts. */
    public void poll() {
        TaskStatus status = tasks.status();
        if (status.running()) {
            watching = true; // also a task started elsewhere (a group copy, the API, another node)
        } else {
            PrimeFaces.current().ajax().addCallbackParam("taskDone", true);
            if (watching) {
                watching = false;
                table.refreshTable();
                PrimeFaces.current().ajax().update(":keysForm", ":groupStats");
            }
        }
    }

    /** Whether a task runs now (the page starts polling when it opens during one). */
    public boolean isRunning() {
        return tasks.status().running();
    }
}
