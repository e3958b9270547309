package io.gptload.admin;

import io.gptload.group.GroupSnapshot;
import io.gptload.keypool.KeyTestResult;
import io.gptload.keypool.KeyValidationTasks;
import io.gptload.shared.Secret;
import io.gptload.shared.ValidationException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.primefaces.PrimeFaces;

/** The key page's Test selected: the selected keys probed now, each result (key masked) in a dialog. */
@Named
@ViewScoped
public class KeyTestBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    KeysBacking table;
    @Inject
    KeyValidationTasks validation;

    private List<TestLine> results = List.of();

    /** One line of the result dialog (the key masked). */
    public record TestLine(String masked, boolean valid, String error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Tests the selected keys against the upstream now and shows each result. */
    public void testSelected() {
        Optional<GroupSnapshot> group = table.standardGroup();
        List<String> values = table.selectedValues();
        if (group.isEmpty() || values.isEmpty()) {
            return;
        }
        try {
            List<KeyTestResult> tested = validation.test(group.get(), String.join("\n", values));
            results = tested.stream()
                    .map(r -> new TestLine(Secret.mask(r.key().value()), r.valid(), r.error())).toList();
            PrimeFaces.current().executeScript("PF('testResultsDialog').show()");
            table.refreshTable();
        } catch (SQLException e) {
            throw new ConsoleDataException("key test", e);
        } catch (ValidationException e) {
            ConsoleMessages.error(FacesContext.getCurrentInstance(), "keys.select.none");
        }
    }

    public List<TestLine> getResults() {
        return results;
    }
}
