namespace ReliefMatch.SampleData.Places;

/// <summary>
/// The places of the sample: 永福县 (450326, Guilin, Guangxi) with its nine townships, the neighbouring 临桂区
/// (450312), and the other Guangxi address codes found in residents' ID numbers. Village names are plausible,
/// not an official list; the codes follow the 统计用区划代码 layout (county 6, township 3, village 3 digits).
/// </summary>
internal static class Gazetteer
{
    public static SampleCounty Home { get; }

    public static SampleCounty Neighbour { get; }

    /// <summary>Every village of both counties; <see cref="SampleVillage.Index"/> is the position here.</summary>
    public static SampleVillage[] Villages { get; }

    /// <summary>Address codes of ID numbers: index 0 is the home county, 1 the neighbour, then elsewhere in Guangxi.</summary>
    public static IReadOnlyList<string> BirthplaceCodes { get; } =
    [
        "450326", "450312", "450321", "450323", "450324", "450325", "450327", "450328", "450329", "450330",
        "450332", "450381", "450305", "450302", "450103", "450202",
    ];

    public const int HomeBirthplace = 0;
    public const int NeighbourBirthplace = 1;

    /// <summary>Hospitals above the township level that treat and certify the county's residents.</summary>
    public static IReadOnlyList<string> CountyHospitals { get; } = ["永福县人民医院", "永福县中医医院", "永福县妇幼保健院"];

    public static IReadOnlyList<string> CityHospitals { get; } =
    [
        "桂林医学院附属医院", "桂林市人民医院", "桂林市第二人民医院", "南溪山医院", "广西医科大学第一附属医院", "临桂区人民医院",
    ];

    static Gazetteer()
    {
        Home = new SampleCounty("450326", "永福县", "桂林市");
        Neighbour = new SampleCounty("450312", "临桂区", "桂林市");
        var villages = new List<SampleVillage>();
        // Weights: relative populations of the townships.
        AddTownship(villages, Home, "永福镇", "100", 20,
            ["城东社区", "城西社区", "城北社区", "凤山社区", "福寿社区"],
            ["崇山村", "塘边村", "三合村", "马坊村", "太平村", "上岩村", "城东村", "六合村"]);
        AddTownship(villages, Home, "罗锦镇", "101", 12,
            ["罗锦社区"], ["下村村", "林村村", "岩口村", "凤凰村", "江头村", "和平村", "独石村", "古楼村"]);
        AddTownship(villages, Home, "百寿镇", "102", 13,
            ["百寿社区"], ["江月村", "桥头村", "古岭村", "古城村", "高岩村", "三宝村", "双龙村", "大庄村", "新安村"]);
        AddTownship(villages, Home, "苏桥镇", "103", 14,
            ["苏桥社区"], ["五通村", "大宅村", "上村村", "东江村", "石门村", "河西村", "仁塘村", "雅山村"]);
        AddTownship(villages, Home, "三皇镇", "104", 8,
            ["三皇社区"], ["西村村", "新寨村", "大里村", "柳村村", "东塘村", "石岩村"]);
        AddTownship(villages, Home, "堡里镇", "105", 11,
            ["堡里社区"], ["乐山村", "坪岭村", "大塘村", "麻岭村", "平安村", "陈村村", "清江村"]);
        AddTownship(villages, Home, "广福乡", "201", 8,
            [], ["广福村", "邓村村", "板峡村", "龙山村", "蓝田村", "杨梅村"]);
        AddTownship(villages, Home, "龙江乡", "202", 7,
            [], ["龙江村", "西岭村", "宝金村", "龙隐村", "高田村", "南岭村"]);
        AddTownship(villages, Home, "永安乡", "203", 9,
            [], ["永安村", "保宁村", "黄洞村", "塘坪村", "金田村", "长岗村"]);

        AddTownship(villages, Neighbour, "临桂镇", "100", 20, ["世纪社区", "西城社区", "秧塘社区"], ["罗安村", "青石村"]);
        AddTownship(villages, Neighbour, "六塘镇", "101", 10, ["六塘社区"], ["新村村", "东岸村", "水源头村"]);
        AddTownship(villages, Neighbour, "会仙镇", "102", 10, ["会仙社区"], ["山尾村", "睦洞村", "文全村"]);
        AddTownship(villages, Neighbour, "两江镇", "103", 9, ["两江社区"], ["木井村", "平岭村"]);
        AddTownship(villages, Neighbour, "五通镇", "104", 9, ["五通社区"], ["马鞍村", "塘背村"]);
        AddTownship(villages, Neighbour, "四塘镇", "105", 8, ["四塘社区"], ["横山村", "上岩村"]);
        AddTownship(villages, Neighbour, "宛田瑶族乡", "201", 6, [], ["宛田村", "东江村"]);
        AddTownship(villages, Neighbour, "黄沙瑶族乡", "202", 5, [], ["黄沙村", "大湾村"]);
        Villages = villages.ToArray();
    }

    private static void AddTownship(
        List<SampleVillage> all, SampleCounty county, string name, string code3, int weight, string[] communities, string[] villages)
    {
        var township = new SampleTownship(county, name, county.Code + code3, weight);
        county.Townships.Add(township);
        for (var i = 0; i < communities.Length; i++)
        {
            // Town centres hold a larger share of a township's people than any one village.
            var village = new SampleVillage(all.Count, communities[i], $"{township.Code}{i + 1:D3}", true, VillageWeight(all.Count) * 2)
            {
                Township = township,
            };
            all.Add(village);
            township.Villages.Add(village);
        }
        for (var i = 0; i < villages.Length; i++)
        {
            var village = new SampleVillage(all.Count, villages[i], $"{township.Code}{i + 201:D3}", false, VillageWeight(all.Count))
            {
                Township = township,
            };
            all.Add(village);
            township.Villages.Add(village);
        }
    }

    /// <summary>A fixed unevenness of village sizes (the county's shape does not depend on the seed).</summary>
    private static int VillageWeight(int index) => 60 + (int)(SampleRandom.Mix((ulong)index + 17) % 80);
}
