package io.gptload.admin;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reloads the page being shown (after a change of language or theme), as a GET: post/redirect/get. */
final class CurrentView {

    private CurrentView() {
    }

    static void reload() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ec = ctx.getExternalContext();
        try {
            ec.redirect(ec.getRequestContextPath() + ctx.getViewRoot().getViewId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
