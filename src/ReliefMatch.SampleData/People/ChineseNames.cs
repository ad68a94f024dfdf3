using System.Runtime.CompilerServices;

namespace ReliefMatch.SampleData.People;

/// <summary>
/// Person names as a compact code (an <see cref="int"/>, so millions of people cost no strings): a common
/// surname, weighted towards Guangxi (黄, 李, 韦, 覃, 莫 …), and a one- or two-character given name drawn from
/// the characters of the person's generation and sex; a few transliterated names written with the middle dot
/// (阿依古丽·买买提).
/// </summary>
/// <remarks>Layout: bits 20–26 surname, 10–19 first given character, 0–9 second (1023 = none); bit 27 marks a
/// dotted name whose index is in bits 0–9.</remarks>
internal static class ChineseNames
{
    /// <summary>Enough for every name the generator makes.</summary>
    public const int MaxLength = 16;

    private const int None = 1023;
    private const int DottedFlag = 1 << 27;

    private static readonly string[] Surnames;
    private static readonly WeightedChoice SurnameChoice;
    private static readonly char[] Characters;
    // [generation, sex] → indices into Characters; generation 0: born before 1960, 1: 1960–1989, 2: 1990 on.
    private static readonly int[][] Pools = new int[6][];

    private static readonly (string Name, bool Male)[] Dotted =
    [
        ("阿依古丽·买买提", false), ("买买提·艾力", true), ("热依拉·阿不都", false), ("古丽娜·吐尔逊", false),
        ("艾尔肯·吐尔洪", true), ("迪丽娜尔·阿布都", false), ("努尔艾力·买合木提", true), ("阿卜杜拉·艾山", true),
        ("帕提古丽·依明", false), ("克里木·沙吾提", true), ("阿依努尔·卡德尔", false), ("吐尔洪·热合曼", true),
    ];

    static ChineseNames()
    {
        (string Surname, int Weight)[] surnames =
        [
            ("黄", 60), ("李", 50), ("韦", 40), ("陈", 38), ("刘", 30), ("王", 28), ("莫", 25), ("覃", 25), ("张", 25),
            ("杨", 22), ("廖", 20), ("梁", 20), ("唐", 18), ("罗", 18), ("蒙", 15), ("周", 15), ("吴", 15), ("蒋", 12),
            ("邓", 12), ("谢", 12), ("潘", 12), ("陆", 12), ("秦", 10), ("赵", 10), ("卢", 10), ("何", 10), ("朱", 9),
            ("林", 9), ("蓝", 8), ("龙", 8), ("曾", 8), ("石", 8), ("苏", 8), ("徐", 8), ("文", 8), ("胡", 7), ("钟", 6),
            ("彭", 6), ("邹", 6), ("马", 6), ("农", 6), ("孙", 5), ("高", 5), ("郭", 5), ("许", 5), ("肖", 5), ("汤", 5),
            ("雷", 5), ("邱", 5), ("伍", 5), ("甘", 5), ("欧", 5), ("宋", 4), ("蔡", 4), ("全", 4), ("兰", 4), ("滕", 4),
            ("粟", 4), ("付", 4), ("玉", 3), ("侯", 3), ("邝", 3), ("阮", 3), ("宾", 3), ("欧阳", 3), ("司马", 1),
        ];
        Surnames = surnames.Select(s => s.Surname).ToArray();
        SurnameChoice = new WeightedChoice(surnames.Select(s => s.Weight).ToArray());

        string[] pools =
        [
            "福贵德生才发明光正忠松柏林荣华富有金国民军强文武寿元财长树永昌山志仁义", // older men
            "秀英兰玉凤珍春秋妹娥莲花梅菊香琼清群芝桂翠银月娇", // older women
            "建国华平军伟勇海涛波斌刚辉明志宏峰东林云兵杰亮新春强俊成权健", // middle-aged men
            "红艳丽芳霞燕萍玲静敏琴梅英娟丹宁春华慧莉兰凤群琳", // middle-aged women
            "浩宇轩梓俊杰鑫晨睿豪航博文一铭泽宸然子涛鹏凯磊奕诚", // young men
            "涵欣怡子思佳琪雨诗悦嘉依可馨萱妍瑶彤婷雪颖晴琳", // young women
        ];
        var characters = new List<char>();
        for (var p = 0; p < pools.Length; p++)
        {
            var indices = new List<int>();
            foreach (var c in pools[p])
            {
                var at = characters.IndexOf(c);
                if (at < 0)
                {
                    at = characters.Count;
                    characters.Add(c);
                }
                if (!indices.Contains(at))
                {
                    indices.Add(at);
                }
            }
            Pools[p] = indices.ToArray();
        }
        Characters = characters.ToArray();
    }

    public static int SurnameCount => Surnames.Length;

    public static int RandomSurname(ref SampleRandom random) => SurnameChoice.Pick(ref random);

    /// <summary>A name with a random surname (about 3 in 1000 are transliterated names with a middle dot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Create(ref SampleRandom random, bool male, int birthYear)
    {
        if (random.PerMille(3))
        {
            int i;
            do
            {
                i = random.Next(Dotted.Length);
            }
            while (Dotted[i].Male != male);
            return DottedFlag | i;
        }
        return Create(ref random, male, birthYear, RandomSurname(ref random));
    }

    /// <summary>A name in the family's surname.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Create(ref SampleRandom random, bool male, int birthYear, int surname)
    {
        var generation = birthYear < 1960 ? 0 : birthYear < 1990 ? 1 : 2;
        var pool = Pools[generation * 2 + (male ? 0 : 1)];
        var single = random.PerMille(generation switch { 0 => 250, 1 => 200, _ => 140 });
        var c1 = pool[random.Next(pool.Length)];
        int c2;
        if (single)
        {
            c2 = None;
        }
        else if (!male && generation == 2 && random.PerMille(40))
        {
            c2 = c1; // 婷婷, 欣欣
        }
        else
        {
            do
            {
                c2 = pool[random.Next(pool.Length)];
            }
            while (c2 == c1);
        }
        return surname << 20 | c1 << 10 | c2;
    }

    /// <summary>The surname index, or −1 for a dotted name.</summary>
    public static int SurnameOf(int code) => (code & DottedFlag) != 0 ? -1 : code >> 20;

    public static bool IsDotted(int code) => (code & DottedFlag) != 0;

    /// <summary>Two characters in all (王芳): the names Excel users pad with a space to line up (王 芳).</summary>
    public static bool IsTwoCharacters(int code) =>
        (code & DottedFlag) == 0 && (code & None) == None && Surnames[code >> 20].Length == 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(int code, Span<char> destination)
    {
        if ((code & DottedFlag) != 0)
        {
            var dotted = Dotted[code & None].Name;
            dotted.AsSpan().CopyTo(destination);
            return dotted.Length;
        }
        var surname = Surnames[code >> 20];
        surname.AsSpan().CopyTo(destination);
        var n = surname.Length;
        destination[n++] = Characters[code >> 10 & None];
        if ((code & None) != None)
        {
            destination[n++] = Characters[code & None];
        }
        return n;
    }

    public static string ToString(int code)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Write(code, buffer)]);
    }
}
