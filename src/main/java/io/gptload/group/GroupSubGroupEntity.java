package io.gptload.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * Membership of a standard group in an aggregate group ({@code group_sub_groups}),
 * with its weight (0 to 1000, 0 = disabled).
 */
@Entity
@Table(name = "group_sub_groups")
public class GroupSubGroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "group_id", nullable = false)
    private long groupId;

    @Column(name = "sub_group_id", nullable = false)
    private long subGroupId;

    @Column(name = "weight")
    private int weight;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    /** For JPA and for new rows created inside the feature (the database assigns the id). */
    protected GroupSubGroupEntity() {
    }

    public Long getId() {
        return id;
    }

    public long getGroupId() {
        return groupId;
    }

    public void setGroupId(long groupId) {
        this.groupId = groupId;
    }

    public long getSubGroupId() {
        return subGroupId;
    }

    public void setSubGroupId(long subGroupId) {
        this.subGroupId = subGroupId;
    }

    public int getWeight() {
        return weight;
    }

    public void setWeight(int weight) {
        this.weight = weight;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
