package io.gptload.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** The logout button of the layout: ends the server session and returns to the login page. */
@Named
@RequestScoped
public class LogoutBacking {

    public String logout() {
        FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
        return ConsoleRoutes.LOGIN + "?faces-redirect=true";
    }
}
