package com.aggpay.merchant.portal.account;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MerchantUsers extends BaseMapper<MerchantUser> {

    default Optional<MerchantUser> findById(String userId) {
        return Optional.ofNullable(selectById(userId));
    }

    /** The column's collation ignores case: "Ann@Shop.cn" finds "ann@shop.cn". */
    default Optional<MerchantUser> findByEmail(String email) {
        return Optional.ofNullable(selectOne(Wrappers.<MerchantUser>lambdaQuery().eq(MerchantUser::getEmail, email)));
    }

    default List<MerchantUser> ofMerchant(String merchantId) {
        return selectList(Wrappers.<MerchantUser>lambdaQuery().eq(MerchantUser::getMerchantId, merchantId)
                .orderByAsc(MerchantUser::getCreatedAt));
    }
}
