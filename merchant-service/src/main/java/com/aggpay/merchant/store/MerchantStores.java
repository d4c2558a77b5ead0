package com.aggpay.merchant.store;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface MerchantStores extends BaseMapper<MerchantStore> {

    default Optional<MerchantStore> findByCode(String storeCode) {
        return Optional.ofNullable(selectById(storeCode));
    }

    /** The row locked until the transaction ends: a disable and a re-issue of one code never interleave. */
    @Select("SELECT store_code, merchant_id, app_id, name, state, replaced_by, created_at, updated_at"
            + " FROM merchant_store WHERE store_code = #{storeCode} FOR UPDATE")
    MerchantStore lock(@Param("storeCode") String storeCode);

    default List<MerchantStore> ofMerchant(String merchantId) {
        return selectList(Wrappers.<MerchantStore>lambdaQuery().eq(MerchantStore::getMerchantId, merchantId)
                .orderByAsc(MerchantStore::getCreatedAt).orderByAsc(MerchantStore::getStoreCode));
    }

    default long countOfMerchant(String merchantId) {
        return selectCount(Wrappers.<MerchantStore>lambdaQuery().eq(MerchantStore::getMerchantId, merchantId));
    }
}
