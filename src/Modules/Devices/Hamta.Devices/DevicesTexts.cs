using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Time;

namespace Hamta.Devices;

internal static class DevicesTexts
{
    public static string CustomsCodeSms(string imei, string code) =>
        $"همتا\nثبت مسافری گوشی {imei} انجام شد.\nکد فعال‌سازی: {code}\nبا این کد در بخش «فعال سازی تلفن همراه» گوشی را به نام خود کنید.";

    public static string ActivatedSms(string imei) =>
        $"همتا\nگوشی {Ltr(imei)} با سیم‌کارت شما فعال شد و تحت مالکیت قطعی آن است.";

    public static string TransferStartedToSellerSms(string imei, DateTimeOffset expiresAt) =>
        $"همتا\nانتقال مالکیت گوشی {Ltr(imei)} آغاز شد. کد انتقال تا {Ltr(JalaliDate.FormatDateTime(expiresAt))} معتبر است.\nاگر این درخواست از شما نیست، آن را در «سوابق انتقال مالکیت» لغو کنید.";

    public static string TransferStartedToBuyerSms(string imei, string sellerSim, DateTimeOffset expiresAt) =>
        $"همتا\nانتقال مالکیت گوشی {Ltr(imei)} از سیم‌کارت {Ltr(MobileNumber.Mask(sellerSim))} به شما آغاز شد. کد انتقال را از فروشنده بگیرید و تا {Ltr(JalaliDate.FormatDateTime(expiresAt))} در «فعال سازی تلفن همراه» وارد کنید.";

    public static string TransferCompletedToSellerSms(string imei, string buyerSim) =>
        $"همتا\nمالکیت گوشی {Ltr(imei)} به سیم‌کارت {Ltr(MobileNumber.Mask(buyerSim))} منتقل شد.";

    public static string TransferCompletedToBuyerSms(string imei) =>
        $"همتا\nمالکیت گوشی {Ltr(imei)} به سیم‌کارت شما منتقل شد و تحت مالکیت قطعی آن است.";

    public static string TransferCancelledToSellerSms(string imei) =>
        $"همتا\nانتقال مالکیت گوشی {Ltr(imei)} لغو شد؛ کد انتقال آن دیگر کار نمی‌کند.";

    public static string TransferCancelledToBuyerSms(string imei) =>
        $"همتا\nفروشنده انتقال مالکیت گوشی {Ltr(imei)} را لغو کرد؛ کد انتقال آن دیگر کار نمی‌کند.";

    /// <summary>
    /// An IMEI, a masked number or a date kept left to right inside the Persian sentence, so that a phone shows
    /// 0935***4567 and 1405/09/06 12:30 as written, not their parts swapped.
    /// </summary>
    private static string Ltr(string text) => $"\u2066{text}\u2069";
}
