package io.gptload.shared.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Makes the container-managed {@link EntityManager} of unit {@code gptload} injectable with {@code @Inject}. */
@ApplicationScoped
public class EntityManagerProducer {

    @Produces
    @PersistenceContext(unitName = "gptload")
    private EntityManager entityManager;
}
