namespace ReliefMatch.SampleData.Model;

internal static class Relations
{
    private static readonly string[] Names = ["户主", "本人", "配偶", "子", "女", "父亲", "母亲", "孙子", "孙女", "儿媳", "兄弟", "姐妹", "其他"];

    public static string Chinese(this Relation relation) => Names[(int)relation];
}
