package io.gptload.admin;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie is {@code SameSite=Lax}, set through the Servlet 6 API while the
 * application starts: OpenLiberty and other Servlet 6 containers write it from here. Payara 6
 * reads it from {@code payara-web.xml} instead (its descriptor parser does not know web.xml's
 * {@code <cookie-config><attribute>}, and warned ten times per start about it).
 */
@WebListener
public class SessionCookieSameSite implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig config = event.getServletContext().getSessionCookieConfig();
        if (config.getAttribute("SameSite") == null) {
            config.setAttribute("SameSite", "Lax");
        }
    }
}
