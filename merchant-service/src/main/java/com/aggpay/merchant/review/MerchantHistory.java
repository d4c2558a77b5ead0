package com.aggpay.merchant.review;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MerchantHistory extends BaseMapper<MerchantHistoryEntry> {

    /** One line of {@code GET /api/portal/merchant/history} and of the operator's merchant detail. */
    record Item(OffsetDateTime at, MerchantHistoryEntry.ActorType actorType, String actor, HistoryAction action,
                String reason) {
    }

    /** Within the caller's transaction, so the step and the state change it describes commit together. */
    default void record(String merchantId, MerchantHistoryEntry.ActorType actorType, String actor,
                        HistoryAction action, String reason) {
        MerchantHistoryEntry entry = new MerchantHistoryEntry();
        entry.setMerchantId(merchantId);
        entry.setActorType(actorType);
        entry.setActor(actor);
        entry.setAction(action);
        entry.setReason(reason);
        insert(entry);
    }

    /** Oldest first; a merchant's onboarding has a handful of steps. */
    default List<Item> of(String merchantId) {
        return selectList(Wrappers.<MerchantHistoryEntry>lambdaQuery()
                .eq(MerchantHistoryEntry::getMerchantId, merchantId).orderByAsc(MerchantHistoryEntry::getId))
                .stream().map(entry -> new Item(entry.getOccurredAt().atOffset(ZoneOffset.UTC), entry.getActorType(),
                        entry.getActor(), entry.getAction(), entry.getReason()))
                .toList();
    }
}
