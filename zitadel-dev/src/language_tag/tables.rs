//! The tables of `internal/language/tables.go` (CLDR 32) that parsing reads, dumped
//! from its variables, as data only: [`super`] holds the logic that reads them.
//! x/text's leading and trailing sentinel entries are left out.

/// `AliasType` of an entry in the language alias table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Alias {
    Deprecated,
    Macro,
    Legacy,
}

/// `lang`: the ISO 639 languages x/text gives a compact index, sorted, 4 bytes each. A
/// 2-letter code is followed by the last two letters of its ISO 639-3 code (or a 0
/// and an index into x/text's `altLangISO3`); a 3-letter code by a 0.
pub(super) const LANG: &[u8] = b"\
    aaaraai\x00aak\x00aau\x00abbkabi\x00abq\x00abr\x00abt\x00aby\x00acd\x00ace\x00\
    ach\x00ada\x00ade\x00adj\x00ady\x00adz\x00aeveaeb\x00aey\x00affragc\x00agd\x00\
    agg\x00agm\x00ago\x00agq\x00aha\x00ahl\x00aho\x00ajg\x00akkaakk\x00ala\x00ali\x00\
    aln\x00alt\x00ammhamm\x00amn\x00amo\x00amp\x00anrganc\x00ank\x00ann\x00any\x00\
    aoj\x00aom\x00aoz\x00apc\x00apd\x00ape\x00apr\x00aps\x00apz\x00arraarc\x00arh\x00\
    arn\x00aro\x00arq\x00ars\x00ary\x00arz\x00assmasa\x00ase\x00asg\x00aso\x00ast\x00\
    ata\x00atg\x00atj\x00auy\x00avvaavl\x00avn\x00avt\x00avu\x00awa\x00awb\x00awo\x00\
    awx\x00ayymayb\x00azzebaakbal\x00ban\x00bap\x00bar\x00bas\x00bav\x00bax\x00\
    bba\x00bbb\x00bbc\x00bbd\x00bbj\x00bbp\x00bbr\x00bcf\x00bch\x00bci\x00bcm\x00bcn\x00\
    bco\x00bcq\x00bcu\x00bdd\x00beelbef\x00beh\x00bej\x00bem\x00bet\x00bew\x00bex\x00\
    bez\x00bfd\x00bfq\x00bft\x00bfy\x00bgulbgc\x00bgn\x00bgx\x00bhihbhb\x00bhg\x00\
    bhi\x00bhk\x00bhl\x00bho\x00bhy\x00biisbib\x00big\x00bik\x00bim\x00bin\x00bio\x00\
    biq\x00bjh\x00bji\x00bjj\x00bjn\x00bjo\x00bjr\x00bjt\x00bjz\x00bkc\x00bkm\x00bkq\x00\
    bku\x00bkv\x00blt\x00bmambmh\x00bmk\x00bmq\x00bmu\x00bnenbng\x00bnm\x00bnp\x00\
    boodboj\x00bom\x00bon\x00bpy\x00bqc\x00bqi\x00bqp\x00bqv\x00brrebra\x00brh\x00\
    brx\x00brz\x00bsosbsj\x00bsq\x00bss\x00bst\x00bto\x00btt\x00btv\x00bua\x00buc\x00\
    bud\x00bug\x00buk\x00bum\x00buo\x00bus\x00buu\x00bvb\x00bwd\x00bwr\x00bxh\x00bye\x00\
    byn\x00byr\x00bys\x00byv\x00byx\x00bza\x00bze\x00bzf\x00bzh\x00bzw\x00caatcan\x00\
    cbj\x00cch\x00ccp\x00ceheceb\x00cfa\x00cgg\x00chhachk\x00chm\x00cho\x00chp\x00\
    chr\x00cja\x00cjm\x00cjv\x00ckb\x00ckl\x00cko\x00cky\x00cla\x00cme\x00cmg\x00coos\
    cop\x00cps\x00crrecrh\x00crj\x00crk\x00crl\x00crm\x00crs\x00csescsb\x00csw\x00\
    ctd\x00cuhucvhvcyymdaandad\x00daf\x00dag\x00dah\x00dak\x00dar\x00dav\x00\
    dbd\x00dbq\x00dcc\x00ddn\x00deeuded\x00den\x00dga\x00dgh\x00dgi\x00dgl\x00dgr\x00\
    dgz\x00dia\x00dje\x00dnj\x00dob\x00doi\x00dop\x00dow\x00dri\x00drs\x00dsb\x00dtm\x00\
    dtp\x00dts\x00dty\x00dua\x00duc\x00dud\x00dug\x00dvivdva\x00dww\x00dyo\x00dyu\x00\
    dzzodzg\x00ebu\x00eeweefi\x00egl\x00egy\x00eka\x00eky\x00elllema\x00emi\x00\
    enngenn\x00enq\x00eopoeri\x00es\x00\x05esu\x00etstetr\x00ett\x00etu\x00etx\x00\
    euusewo\x00ext\x00faasfaa\x00fab\x00fag\x00fai\x00fan\x00ffulffi\x00ffm\x00\
    fiinfia\x00fil\x00fit\x00fjijflr\x00fmp\x00foaofod\x00fon\x00for\x00fpe\x00\
    fqs\x00frrafrc\x00frp\x00frr\x00frs\x00fub\x00fud\x00fue\x00fuf\x00fuh\x00fuq\x00\
    fur\x00fuv\x00fuy\x00fvr\x00fyrygalegaa\x00gaf\x00gag\x00gah\x00gaj\x00gam\x00\
    gan\x00gaw\x00gay\x00gba\x00gbf\x00gbm\x00gby\x00gbz\x00gcr\x00gdlagde\x00gdn\x00\
    gdr\x00geb\x00gej\x00gel\x00gez\x00gfk\x00ggn\x00ghs\x00gil\x00gim\x00gjk\x00gjn\x00\
    gju\x00gkn\x00gkp\x00gllgglk\x00gmm\x00gmv\x00gnrngnd\x00gng\x00god\x00gof\x00\
    goi\x00gom\x00gon\x00gor\x00gos\x00got\x00grb\x00grc\x00grt\x00grw\x00gsw\x00guuj\
    gub\x00guc\x00gud\x00gur\x00guw\x00gux\x00guz\x00gvlvgvf\x00gvr\x00gvs\x00gwc\x00\
    gwi\x00gwt\x00gyi\x00haauhag\x00hak\x00ham\x00haw\x00haz\x00hbb\x00hdy\x00heeb\
    hhy\x00hiinhia\x00hif\x00hig\x00hih\x00hil\x00hla\x00hlu\x00hmd\x00hmt\x00hnd\x00\
    hne\x00hnj\x00hnn\x00hno\x00homohoc\x00hoj\x00hot\x00hrrvhsb\x00hsn\x00htat\
    huunhui\x00hyyehzerianaian\x00iar\x00iba\x00ibb\x00iby\x00ica\x00ich\x00\
    idndidd\x00idi\x00idu\x00ieleife\x00igboigb\x00ige\x00iiiiijj\x00ikpk\
    ikk\x00ikt\x00ikw\x00ikx\x00ilo\x00imo\x00inndinh\x00iodoiou\x00iri\x00issl\
    ittaiukuiw\x00\x03iwm\x00iws\x00izh\x00izi\x00japnjab\x00jam\x00jbo\x00jbu\x00\
    jen\x00jgk\x00jgo\x00ji\x00\x06jib\x00jmc\x00jml\x00jra\x00jut\x00jvavjwavkaat\
    kaa\x00kab\x00kac\x00kad\x00kai\x00kaj\x00kam\x00kao\x00kbd\x00kbm\x00kbp\x00kbq\x00\
    kbx\x00kby\x00kcg\x00kck\x00kcl\x00kct\x00kde\x00kdh\x00kdl\x00kdt\x00kea\x00ken\x00\
    kez\x00kfo\x00kfr\x00kfy\x00kgonkge\x00kgf\x00kgp\x00kha\x00khb\x00khn\x00khq\x00\
    khs\x00kht\x00khw\x00khz\x00kiikkij\x00kiu\x00kiw\x00kjuakjd\x00kjg\x00kjs\x00\
    kjy\x00kkazkkc\x00kkj\x00klalkln\x00klq\x00klt\x00klx\x00kmhmkmb\x00kmh\x00\
    kmo\x00kms\x00kmu\x00kmw\x00knanknf\x00knp\x00koorkoi\x00kok\x00kol\x00kos\x00\
    koz\x00kpe\x00kpf\x00kpo\x00kpr\x00kpx\x00kqb\x00kqf\x00kqs\x00kqy\x00kraukrc\x00\
    kri\x00krj\x00krl\x00krs\x00kru\x00ksasksb\x00ksd\x00ksf\x00ksh\x00ksj\x00ksr\x00\
    ktb\x00ktm\x00kto\x00kuurkub\x00kud\x00kue\x00kuj\x00kum\x00kun\x00kup\x00kus\x00\
    kvomkvg\x00kvr\x00kvx\x00kw\x00\x01kwj\x00kwo\x00kxa\x00kxc\x00kxm\x00kxp\x00kxw\x00\
    kxz\x00kyirkye\x00kyx\x00kzr\x00laatlab\x00lad\x00lag\x00lah\x00laj\x00las\x00\
    lbtzlbe\x00lbu\x00lbw\x00lcm\x00lcp\x00ldb\x00led\x00lee\x00lem\x00lep\x00leq\x00\
    leu\x00lez\x00lguglgg\x00liimlia\x00lid\x00lif\x00lig\x00lih\x00lij\x00lis\x00\
    ljp\x00lki\x00lkt\x00lle\x00lln\x00lmn\x00lmo\x00lmp\x00lninlns\x00lnu\x00loao\
    loj\x00lok\x00lol\x00lor\x00los\x00loz\x00lrc\x00ltitltg\x00luublua\x00luo\x00\
    luy\x00luz\x00lvavlwl\x00lzh\x00lzz\x00mad\x00maf\x00mag\x00mai\x00mak\x00man\x00\
    mas\x00maw\x00maz\x00mbh\x00mbo\x00mbq\x00mbu\x00mbw\x00mci\x00mcp\x00mcq\x00mcr\x00\
    mcu\x00mda\x00mde\x00mdf\x00mdh\x00mdj\x00mdr\x00mdx\x00med\x00mee\x00mek\x00men\x00\
    mer\x00met\x00meu\x00mfa\x00mfe\x00mfn\x00mfo\x00mfq\x00mglgmgh\x00mgl\x00mgo\x00\
    mgp\x00mgy\x00mhahmhi\x00mhl\x00mirimif\x00min\x00mis\x00miw\x00mkkdmki\x00\
    mkl\x00mkp\x00mkw\x00mlalmle\x00mlp\x00mls\x00mmo\x00mmu\x00mmx\x00mnonmna\x00\
    mnf\x00mni\x00mnw\x00moolmoa\x00moe\x00moh\x00mos\x00mox\x00mpp\x00mps\x00mpt\x00\
    mpx\x00mql\x00mrarmrd\x00mrj\x00mro\x00mssamtltmtc\x00mtf\x00mti\x00mtr\x00\
    mua\x00mul\x00mur\x00mus\x00mva\x00mvn\x00mvy\x00mwk\x00mwr\x00mwv\x00mxc\x00mxm\x00\
    myyamyk\x00mym\x00myv\x00myw\x00myx\x00myz\x00mzk\x00mzm\x00mzn\x00mzp\x00mzw\x00\
    mzz\x00naaunac\x00naf\x00nah\x00nak\x00nan\x00nap\x00naq\x00nas\x00nbobnca\x00\
    nce\x00ncf\x00nch\x00nco\x00ncu\x00nddendc\x00nds\x00neepneb\x00new\x00nex\x00\
    nfr\x00ngdonga\x00ngb\x00ngl\x00nhb\x00nhe\x00nhw\x00nif\x00nii\x00nij\x00nin\x00\
    niu\x00niy\x00niz\x00njo\x00nkg\x00nko\x00nlldnmg\x00nmz\x00nnnonnf\x00nnh\x00\
    nnk\x00nnm\x00noornod\x00noe\x00non\x00nop\x00nou\x00nqo\x00nrblnrb\x00nsk\x00\
    nsn\x00nso\x00nss\x00ntm\x00ntr\x00nui\x00nup\x00nus\x00nuv\x00nux\x00nvavnwb\x00\
    nxq\x00nxr\x00nyyanym\x00nyn\x00nzi\x00occiogc\x00ojjiokr\x00okv\x00omrm\
    ong\x00onn\x00ons\x00opm\x00orrioro\x00oru\x00osssosa\x00ota\x00otk\x00ozm\x00\
    paanpag\x00pal\x00pam\x00pap\x00pau\x00pbi\x00pcd\x00pcm\x00pdc\x00pdt\x00ped\x00\
    peo\x00pex\x00pfl\x00phl\x00phn\x00pilipil\x00pip\x00pka\x00pko\x00plolpla\x00\
    pms\x00png\x00pnn\x00pnt\x00pon\x00ppo\x00pra\x00prd\x00prg\x00psuspss\x00ptor\
    ptp\x00puu\x00pwa\x00quuequc\x00qug\x00rai\x00raj\x00rao\x00rcf\x00rej\x00rel\x00\
    res\x00rgn\x00rhg\x00ria\x00rif\x00rjs\x00rkt\x00rmohrmf\x00rmo\x00rmt\x00rmu\x00\
    rnunrna\x00rng\x00roonrob\x00rof\x00roo\x00rro\x00rtm\x00ruusrue\x00rug\x00\
    rw\x00\x04rwk\x00rwo\x00ryu\x00saansaf\x00sah\x00saq\x00sas\x00sat\x00sav\x00saz\x00\
    sba\x00sbe\x00sbp\x00scrdsck\x00scl\x00scn\x00sco\x00scs\x00sdndsdc\x00sdh\x00\
    semesef\x00seh\x00sei\x00ses\x00sgagsga\x00sgs\x00sgw\x00sgz\x00sh\x00\x02shi\x00\
    shk\x00shn\x00shu\x00siinsid\x00sig\x00sil\x00sim\x00sjr\x00sklkskc\x00skr\x00\
    sks\x00sllvsld\x00sli\x00sll\x00sly\x00smmosma\x00smi\x00smj\x00smn\x00smp\x00\
    smq\x00sms\x00snnasnc\x00snk\x00snp\x00snx\x00sny\x00soomsok\x00soq\x00sou\x00\
    soy\x00spd\x00spl\x00sps\x00sqqisrrpsrb\x00srn\x00srr\x00srx\x00ssswssd\x00\
    ssg\x00ssy\x00stotstk\x00stq\x00suunsua\x00sue\x00suk\x00sur\x00sus\x00svwe\
    swwaswb\x00swc\x00swg\x00swp\x00swv\x00sxn\x00sxw\x00syl\x00syr\x00szl\x00taam\
    taj\x00tal\x00tan\x00taq\x00tbc\x00tbd\x00tbf\x00tbg\x00tbo\x00tbw\x00tbz\x00tci\x00\
    tcy\x00tdd\x00tdg\x00tdh\x00teelted\x00tem\x00teo\x00tet\x00tfi\x00tggktgc\x00\
    tgo\x00tgu\x00thhathl\x00thq\x00thr\x00tiirtif\x00tig\x00tik\x00tim\x00tio\x00\
    tiv\x00tkuktkl\x00tkr\x00tkt\x00tlgltlf\x00tlx\x00tly\x00tmh\x00tmy\x00tnsn\
    tnh\x00toontof\x00tog\x00toq\x00tpi\x00tpm\x00tpz\x00tqo\x00trurtru\x00trv\x00\
    trw\x00tssotsd\x00tsf\x00tsg\x00tsj\x00tsw\x00ttatttd\x00tte\x00ttj\x00ttr\x00\
    tts\x00ttt\x00tuh\x00tul\x00tum\x00tuq\x00tvd\x00tvl\x00tvu\x00twwitwh\x00twq\x00\
    txg\x00tyahtya\x00tyv\x00tzm\x00ubu\x00udm\x00ugiguga\x00ukkruli\x00umb\x00\
    und\x00unr\x00unx\x00urrduri\x00urt\x00urw\x00usa\x00utr\x00uvh\x00uvl\x00uzzb\
    vag\x00vai\x00van\x00veenvec\x00vep\x00viievic\x00viv\x00vls\x00vmf\x00vmw\x00\
    voolvot\x00vro\x00vun\x00vut\x00walnwae\x00waj\x00wal\x00wan\x00war\x00wbp\x00\
    wbq\x00wbr\x00wci\x00wer\x00wgi\x00whg\x00wib\x00wiu\x00wiv\x00wja\x00wji\x00wls\x00\
    wmo\x00wnc\x00wni\x00wnu\x00woolwob\x00wos\x00wrs\x00wsk\x00wtm\x00wuu\x00wuv\x00\
    wwa\x00xav\x00xbi\x00xcr\x00xes\x00xhhoxla\x00xlc\x00xld\x00xmf\x00xmn\x00xmr\x00\
    xna\x00xnr\x00xog\x00xon\x00xpr\x00xrb\x00xsa\x00xsi\x00xsm\x00xsr\x00xwe\x00yam\x00\
    yao\x00yap\x00yas\x00yat\x00yav\x00yay\x00yaz\x00yba\x00ybb\x00yby\x00yer\x00ygr\x00\
    ygw\x00yiidyko\x00yle\x00ylg\x00yll\x00yml\x00yooryon\x00yrb\x00yre\x00yrl\x00\
    yss\x00yua\x00yue\x00yuj\x00yut\x00yuw\x00zahazag\x00zbl\x00zdj\x00zea\x00zgh\x00\
    zhhozhx\x00zia\x00zlm\x00zmi\x00zne\x00zuulzxx\x00zza\x00\
";

/// `langNoIndex` in hex: one bit per 3-letter code `xyz`, at bit
/// `((x * 26) + y) * 26 + z` (letters counted from `a` = 0), for the other
/// ISO 639-3 languages x/text knows.
pub(super) const LANG_NO_INDEX: &[u8] = b"\
    fff8edfeebd33bd2fbbf7afa371d3c576e977338fbeabf70ad03ffffcf058462e9bffdbfbff7fd770fffef6f\
    fffbdfe2c9f87f7e4dbc0a6a7ceae3fa7abf67ffffffffdf2a5491c05de397140720dded9f3fc921f83f9435\
    7c5fff5f8e6edfffffff557cd3fdbfb57bdf7ff7cafedba3a8ff1f677debefceffff9fffb7effecfdbfff3cd\
    fb6fffffbbeef7bddbff5ff7fdf2fdff5e2f3bba7efffffef7ffddfffddffbfe9db4d3ffefffdff77fb7fdd5\
    a57740ff9cc1412c0821410050400080fb4af29fb44241961b1408f32be71756057d0e1c377bf3ef97ff5d38\
    64080010bc85afdfffff7b353ec7c7dfff018100b005800000000003400040922150b15dfddcbe5e00000264\
    0d1941df79220000005e64dc24e5d9e3fefffdcb9f14410c8600d100f0c7675f56995eb56caf030002000000\
    c037da569069012c966920fbff3f000000010c16030000b0140350060a000100001011090000601000000010\
    00004400001000040800000500802804000040d52d0064352452f4d5bf62c903008000400000000000041339\
    01dd57982118810000014082000000000000000001400044000080eaa9390002000000040000000000200000\
    00000000020000000003280500000000042004a6000400008150000000118400000000000000065502100804\
    00000040308301000000110000000000000000000000001ecdbf7abfdfc38382c0fb5727ed55e7010020b2c5\
    a445259b02dfe1df03440890010481e39254db28d35ffe6d79ed1c7d040800012112645fdd0e854f40400004\
    f1fd3d54e803b427230d0000207b7802078400f0bb7e5a001804810000008010901c01000000000010400004\
    08a070a50c40000091240468002070ff7b7f7000059bdd660300110000004005b5b6800804000451e2effd3f\
    0509080540000000001000000c00000000810060e748008120c00580030000008c5040048447844020100020\
    0250801100916ce250271d11290659e93308002004401000000050449249d65da7814797fb00100008008000\
    400400010200014080000008d8ebf639c48d1200000c04012020dda001000000120000000410d09d95130480\
    0001d016400010b010624cd202014a004604000802002080008006000800000000f0d86f1502080000010000\
    000010010010000000f084e3ddbff9f93b7f7fdbfdfcfedffffdfff6fbfcf71fffb36cffd9addffeefbadfff\
    ffffb7dd7dbfab7ffdfddf2f9cdff36fdfddfffbeed2ab5fd5df7fffebffe44df9fffef7fddffbbfeedb6fef\
    ff7ffffff75fd33bfdd9dfebbc080524ff0770fee65e000800833d1b06e67260d13c7f4402309f7a16bd7f57\
    f2ff31fff21e90f7f1f945800102000040549f8adbf92e118651c0f3fb47400105d1505c0040001004020000\
    0a0017d2b9fdfcbafeefc7be536fdfe7db65bb7ffaff77f3efbffdf7dfdf9b7fffff7f6ff7fbebdfbcffbf6b\
    7bfbffce76bdf7f7dfdcf7f7ffdff3feefffffffb67f7fdef7b9eb77fffbbfdffdfefbfffeeb1f7d2ffdb6b5\
    a5fcfffd7f4ebf8faeffeedf7ff773020204fcf7ffb7d7effecdf5cee28ee7bfb7ff56fdcdfffbffdfd7eaff\
    e55f6d0fa75106c493505dafa6ff99fb631d53ffefb73520140055518265f541e2fffcdf0205c50500220074\
    691008054100010600000000005120050401000006012000180192f1fd476906950657edfb4d1c6b83046240\
    0011420000005483b84f108e8946def7133100200000009000000000000a1000010000f05bf4be3dbecff7af\
    4204844130ff7972040000492d142757edf13fe73f000002c6a01ef8bbfffdfbb7fde7f7fdfcd5ed47f47e10\
    0101846dfff7ddf95b0586edf577bd3c00000042714200400000014319000800ffffffffffffffffffffffff\
    ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
    ffffffffffffffffffabbde757ee135d09c14021fa17018000000000f0cefbbf0023000000000800003015a3\
    100000001104160000020081a301500000831140000000f0dd7b3e02aa105d98520080200000000040000202\
    1900100210615a9d31000000011802200000010042002000001fdfd2b9fffd3f1f98cf9cffaf5ffe7b4b4010\
    e1fdafd9b7f6fbb3c7ff6ff173b17f9f7fbdfcb7ee1cfacbefddf9bd6eae55fd6e81769fd477f57dfbffebfe\
    be5f465be95f501802faf79d1597050f75c47d8192f5576cffe4ef6ffffcdddefcfd765f7a3f009802fba3ef\
    f3d6f2ffb9da7dd03e157bb4f53efffff1f7ffe75fffff9edbf6d7b9ef2780bbc5ffffe3979dbf9ff7c7fd37\
    ce7f041d737ff8da5dce7d06b9ea79a01a2000300204240804000040d4020400000400040020010650000800\
    00002400040010dc58d70d0f144df11644d54208400000400008000000dcfbcb0e5848412420040030124000\
    001000000000000001000000801010ab6d930001000000000000008080250000000000000a0000008086c200\
    00000001ff18020002f0fd793b00250000000200000000000040000003000920000001000001000000000100\
    0000000000000000000000efd5fdcf7eb011000000920144cdf95c00010030040455000104f43f4a010000b0\
    80205575977cdf31cc68d103d55727140100000000002cf7cb1f1460036801108b388a010000200024440000\
    10031102010000f0f5ffd597bc70d67878155001a484a9410000006b39527400e830906a92000002ffefff4b\
    8553f4edddbff25dc70cd542fcfff71f00804056cc169eea357defffbda4af014418014d4e4a08502830e080\
    10202400ff2fd360fe0102880a40160101152b3c01000010904941020201e1bfbf03000010d4a3d1409c44df\
    f58f66b35520d4c1d8303d8000000004d411c5842f500022506ebd930700201084b245100644000012021100\
    f0fbfd7f050016810000000000000c020000000003300228840021c02324000000cbe43a468814f1efff7f12\
    0101845007fcffff0f010040103801011c1240e1761608031000000001000000000020240a00800000\
";

/// `altLangISO3` with `altLangIndex`: ISO 639-3 codes whose 2-letter code does not
/// start with the same letter.
pub(super) const LANG_ALT_ISO3: &[(&str, &str)] = &[
    ("cor", "kw"),
    ("hbs", "sh"),
    ("heb", "iw"),
    ("kin", "rw"),
    ("spa", "es"),
    ("yid", "ji"),
];

/// `AliasMap` with `AliasTypes`, as codes, sorted: what `canonicalize` replaces.
pub(super) const LANG_ALIASES: &[(&str, &str, Alias)] = &[
    ("aam", "aas", Alias::Deprecated),
    ("adp", "dz", Alias::Deprecated),
    ("aju", "jrb", Alias::Macro),
    ("alb", "sq", Alias::Legacy),
    ("als", "sq", Alias::Macro),
    ("arb", "ar", Alias::Macro),
    ("arm", "hy", Alias::Legacy),
    ("asd", "snz", Alias::Deprecated),
    ("aue", "ktz", Alias::Deprecated),
    ("ayr", "ay", Alias::Macro),
    ("ayx", "nun", Alias::Deprecated),
    ("azj", "az", Alias::Macro),
    ("baq", "eu", Alias::Legacy),
    ("bcc", "bal", Alias::Macro),
    ("bcl", "bik", Alias::Macro),
    ("bgm", "bcg", Alias::Deprecated),
    ("bh", "bho", Alias::Macro),
    ("bic", "bir", Alias::Deprecated),
    ("bjd", "drl", Alias::Deprecated),
    ("blg", "iba", Alias::Deprecated),
    ("bur", "my", Alias::Legacy),
    ("bxk", "luy", Alias::Macro),
    ("bxr", "bua", Alias::Macro),
    ("ccq", "rki", Alias::Deprecated),
    ("chi", "zh", Alias::Legacy),
    ("cjr", "mom", Alias::Deprecated),
    ("cka", "cmr", Alias::Deprecated),
    ("cld", "syr", Alias::Macro),
    ("cmk", "xch", Alias::Deprecated),
    ("cmn", "zh", Alias::Macro),
    ("coy", "pij", Alias::Deprecated),
    ("cqu", "quh", Alias::Deprecated),
    ("cwd", "cr", Alias::Macro),
    ("cze", "cs", Alias::Legacy),
    ("dgo", "doi", Alias::Macro),
    ("dhd", "mwr", Alias::Macro),
    ("dik", "din", Alias::Macro),
    ("diq", "zza", Alias::Macro),
    ("dit", "dif", Alias::Deprecated),
    ("drh", "khk", Alias::Deprecated),
    ("drr", "kzk", Alias::Deprecated),
    ("drw", "prs", Alias::Deprecated),
    ("dut", "nl", Alias::Legacy),
    ("ekk", "et", Alias::Macro),
    ("emk", "man", Alias::Macro),
    ("esk", "ik", Alias::Macro),
    ("fat", "ak", Alias::Macro),
    ("fre", "fr", Alias::Legacy),
    ("fuc", "ff", Alias::Macro),
    ("gav", "dev", Alias::Deprecated),
    ("gaz", "om", Alias::Macro),
    ("gbo", "grb", Alias::Macro),
    ("geo", "ka", Alias::Legacy),
    ("ger", "de", Alias::Legacy),
    ("gfx", "vaj", Alias::Deprecated),
    ("ggn", "gvr", Alias::Deprecated),
    ("gli", "kzk", Alias::Deprecated),
    ("gno", "gon", Alias::Macro),
    ("gre", "el", Alias::Legacy),
    ("gti", "nyc", Alias::Deprecated),
    ("gug", "gn", Alias::Macro),
    ("guv", "duz", Alias::Deprecated),
    ("gya", "gba", Alias::Macro),
    ("hdn", "hai", Alias::Macro),
    ("hea", "hmn", Alias::Macro),
    ("him", "srx", Alias::Macro),
    ("hrr", "jal", Alias::Deprecated),
    ("ibi", "opa", Alias::Deprecated),
    ("ice", "is", Alias::Legacy),
    ("ike", "iu", Alias::Macro),
    ("ilw", "gal", Alias::Deprecated),
    ("in", "id", Alias::Deprecated),
    ("iw", "he", Alias::Deprecated),
    ("jeg", "oyb", Alias::Deprecated),
    ("ji", "yi", Alias::Deprecated),
    ("jw", "jv", Alias::Deprecated),
    ("kgc", "tdf", Alias::Deprecated),
    ("kgh", "kml", Alias::Deprecated),
    ("khk", "mn", Alias::Macro),
    ("kmr", "ku", Alias::Macro),
    ("knc", "kr", Alias::Macro),
    ("kng", "kg", Alias::Macro),
    ("knn", "kok", Alias::Macro),
    ("koj", "kwv", Alias::Deprecated),
    ("kpv", "kv", Alias::Macro),
    ("krm", "bmf", Alias::Deprecated),
    ("ktr", "dtp", Alias::Deprecated),
    ("kvs", "gdj", Alias::Deprecated),
    ("kwq", "yam", Alias::Deprecated),
    ("kxe", "tvd", Alias::Deprecated),
    ("kxl", "kru", Alias::Deprecated),
    ("kzj", "dtp", Alias::Deprecated),
    ("kzt", "dtp", Alias::Deprecated),
    ("lbk", "bnc", Alias::Macro),
    ("lii", "raq", Alias::Deprecated),
    ("llo", "ngt", Alias::Deprecated),
    ("lmm", "rmx", Alias::Deprecated),
    ("lvs", "lv", Alias::Macro),
    ("mac", "mk", Alias::Legacy),
    ("mao", "mi", Alias::Legacy),
    ("may", "ms", Alias::Legacy),
    ("meg", "cir", Alias::Deprecated),
    ("mhr", "chm", Alias::Macro),
    ("mnk", "man", Alias::Macro),
    ("mo", "ro", Alias::Deprecated),
    ("mst", "mry", Alias::Deprecated),
    ("mup", "raj", Alias::Macro),
    ("mwj", "vaj", Alias::Deprecated),
    ("myd", "aog", Alias::Deprecated),
    ("myt", "mry", Alias::Deprecated),
    ("nad", "xny", Alias::Deprecated),
    ("nb", "no", Alias::Macro),
    ("ncp", "kdz", Alias::Deprecated),
    ("nns", "nbr", Alias::Deprecated),
    ("nnx", "ngv", Alias::Deprecated),
    ("npi", "ne", Alias::Macro),
    ("nts", "pij", Alias::Deprecated),
    ("nxu", "bpp", Alias::Deprecated),
    ("ojg", "oj", Alias::Macro),
    ("ory", "or", Alias::Macro),
    ("oun", "vaj", Alias::Deprecated),
    ("pat", "kxr", Alias::Deprecated),
    ("pbu", "ps", Alias::Macro),
    ("pcr", "adx", Alias::Deprecated),
    ("per", "fa", Alias::Legacy),
    ("pes", "fa", Alias::Macro),
    ("plt", "mg", Alias::Macro),
    ("pmc", "huw", Alias::Deprecated),
    ("pmu", "phr", Alias::Deprecated),
    ("pnb", "lah", Alias::Macro),
    ("ppa", "bfy", Alias::Deprecated),
    ("ppr", "lcq", Alias::Deprecated),
    ("pry", "prt", Alias::Deprecated),
    ("puz", "pub", Alias::Deprecated),
    ("quz", "qu", Alias::Macro),
    ("rmy", "rom", Alias::Macro),
    ("rum", "ro", Alias::Legacy),
    ("sca", "hle", Alias::Deprecated),
    ("sh", "sr", Alias::Legacy),
    ("skk", "oyb", Alias::Deprecated),
    ("slo", "sk", Alias::Legacy),
    ("spy", "kln", Alias::Macro),
    ("src", "sc", Alias::Macro),
    ("swh", "sw", Alias::Macro),
    ("tdu", "dtp", Alias::Deprecated),
    ("thc", "tpo", Alias::Deprecated),
    ("thw", "ola", Alias::Deprecated),
    ("thx", "oyb", Alias::Deprecated),
    ("tib", "bo", Alias::Legacy),
    ("tie", "ras", Alias::Deprecated),
    ("tkk", "twm", Alias::Deprecated),
    ("tl", "fil", Alias::Legacy),
    ("tlw", "weo", Alias::Deprecated),
    ("tmp", "tyj", Alias::Deprecated),
    ("tne", "kak", Alias::Deprecated),
    ("tnf", "prs", Alias::Deprecated),
    ("tsf", "taj", Alias::Deprecated),
    ("ttq", "tmh", Alias::Macro),
    ("tw", "ak", Alias::Macro),
    ("umu", "del", Alias::Macro),
    ("uok", "ema", Alias::Deprecated),
    ("uzn", "uz", Alias::Macro),
    ("wel", "cy", Alias::Legacy),
    ("xba", "cax", Alias::Deprecated),
    ("xia", "acn", Alias::Deprecated),
    ("xkh", "waw", Alias::Deprecated),
    ("xpe", "kpe", Alias::Macro),
    ("xrq", "dmw", Alias::Deprecated),
    ("xsl", "den", Alias::Macro),
    ("ybd", "rki", Alias::Deprecated),
    ("ydd", "yi", Alias::Macro),
    ("yma", "lrr", Alias::Deprecated),
    ("ymt", "mtm", Alias::Deprecated),
    ("yos", "zom", Alias::Deprecated),
    ("yuu", "yug", Alias::Deprecated),
    ("zai", "zap", Alias::Macro),
    ("zir", "scv", Alias::Deprecated),
    ("zsm", "ms", Alias::Macro),
    ("zyb", "za", Alias::Macro),
];

/// `script`: the ISO 15924 scripts, sorted, 4 bytes each.
pub(super) const SCRIPTS: &[u8] = b"\
    AdlmAfakAghbAhomArabAranArmiArmnAvstBaliBamuBassBatkBengBhksBlisBopoBrah\
    BraiBugiBuhdCakmCansCariChamCherChrsCirtCoptCpmnCprtCyrlCyrsDevaDiakDogr\
    DsrtDuplEgydEgyhEgypElbaElymEthiGeokGeorGlagGongGonmGothGranGrekGujrGuru\
    HanbHangHaniHanoHansHantHatrHebrHiraHluwHmngHmnpHrktHungIndsItalJamoJava\
    JpanJurcKaliKanaKharKhmrKhojKitlKitsKndaKoreKpelKthiLanaLaooLatfLatgLatn\
    LekeLepcLimbLinaLinbLisuLomaLyciLydiMahjMakaMandManiMarcMayaMedfMendMerc\
    MeroMlymModiMongMoonMrooMteiMultMymrNandNarbNbatNewaNkdbNkgbNkooNshuOgam\
    OlckOrkhOryaOsgeOsmaOugrPalmPaucPcunPelmPermPhagPhliPhlpPhlvPhnxPiqdPlrd\
    PrtiPsinQaaaQaabQaacQaadQaaeQaafQaagQaahQaaiQaajQaakQaalQaamQaanQaaoQaap\
    QaaqQaarQaasQaatQaauQaavQaawQaaxQaayQaazQabaQabbQabcQabdQabeQabfQabgQabh\
    QabiQabjQabkQablQabmQabnQaboQabpQabqQabrQabsQabtQabuQabvQabwQabxRanjRjng\
    RohgRoroRunrSamrSaraSarbSaurSgnwShawShrdShuiSiddSindSinhSogdSogoSoraSoyo\
    SundSyloSyrcSyreSyrjSyrnTagbTakrTaleTaluTamlTangTavtTeluTengTfngTglgThaa\
    ThaiTibtTirhTnsaTotoUgarVaiiVispVithWaraWchoWoleXpeoXsuxYeziYiiiZanbZinh\
    ZmthZsyeZsymZxxxZyyyZzzz\
";

/// `regionISO`: the ISO 3166-1 regions and CLDR's private-use ones, sorted, 4 bytes
/// each: the code, then the last two letters of its alpha-3 code (a 0 and an index
/// into `altRegionISO3` where the first letter differs; two spaces for none).
pub(super) const REGION_ISO: &[u8] = b"\
    AAAAACSCADNDAEREAFFGAGTGAIIAALLBAMRMANNTAOGOAQTAARRGASSMATUTAUUS\
    AWBWAXLAAZZEBAIHBBRBBDGDBEELBFFABGGRBHHRBIDIBJENBLLMBMMUBNRNBOOL\
    BQESBRRABSHSBTTNBUURBVVTBWWABYLRBZLZCAANCCCKCDODCFAFCGOGCHHECIIV\
    CKOKCLHLCMMRCNHNCOOLCPPTCRRICS\x00\x00CTTECUUBCVPVCWUWCXXRCYYPCZZEDDDR\
    DEEUDGGADJJIDKNKDMMADOOMDYHYDZZAEA\x20\x20ECCUEESTEGGYEHSHERRIESSPETTH\
    EU\x00\x03EZ\x20\x20FIINFJJIFKLKFMSMFOROFQ\x00\x18FRRAFXXXGAABGBBRGDRDGEEOGFUFGGGY\
    GHHAGIIBGLRLGMMBGNINGPLPGQNQGRRCGS\x00\x06GTTMGUUMGWNBGYUYHKKGHMMDHNND\
    HRRVHTTIHUUNHVVOIC\x20\x20IDDNIERLILSRIMMNINNDIOOTIQRQIRRNISSLITTAJEEY\
    JMAMJOORJPPNJTTNKEENKGGZKHHMKIIRKM\x00\x09KNNAKP\x00\x0cKRORKWWTKY\x00\x0fKZAZLAAO\
    LBBNLCCALIIELKKALRBRLSSOLTTULUUXLVVALYBYMAARMCCOMDDAMENEMFAFMGDG\
    MHHLMIIDMKKDMLLIMMMRMNNGMOACMPNPMQTQMRRTMSSRMTLTMUUSMVDVMWWIMXEX\
    MYYSMZOZNAAMNCCLNEERNFFKNGGANHHBNIICNLLDNOORNPPLNQ\x00\x1eNRRUNTTZNUIU\
    NZZLOMMNPAANPCCIPEERPFYFPGNGPHHLPKAKPLOLPM\x00\x12PNCNPRRIPSSEPTRTPUUS\
    PWLWPYRYPZCZQAATQMMMQNNNQOOOQPPPQQQQQRRRQSSSQTTTQU\x00\x03QVVVQWWWQXXX\
    QYYYQZZZREEURHHOROOURS\x00\x15RUUSRWWASAAUSBLBSCYCSDDNSEWESGGPSHHNSIVN\
    SJJMSKVKSLLESMMRSNENSOOMSRURSSSDSTTPSUUNSVLVSXXMSYYRSZWZTAAATCCA\
    TDCDTF\x00\x18TGGOTHHATJJKTKKLTLLSTMKMTNUNTOONTPMPTRURTTTOTVUVTWWNTZZA\
    UAKRUGGAUK\x20\x20UMMIUN\x20\x20USSAUYRYUZZBVAATVCCTVDDRVEENVGGBVIIRVNNMVUUT\
    WFLFWKAKWSSMXAAAXBBBXCCCXDDDXEEEXFFFXGGGXHHHXIIIXJJJXKKKXLLLXMMM\
    XNNNXOOOXPPPXQQQXRRRXSSSXTTTXUUUXVVVXWWWXXXXXYYYXZZZYDMDYEEMYT\x00\x1b\
    YUUGZAAFZMMBZRARZWWEZZZZ\
";

/// `altRegionISO3` with `altRegionIDs`: alpha-3 codes not derivable from [`REGION_ISO`].
pub(super) const REGION_ALT_ISO3: &[(&str, &str)] = &[
    ("SCG", "CS"),
    ("QUU", "EU"),
    ("SGS", "GS"),
    ("COM", "KM"),
    ("PRK", "KP"),
    ("CYM", "KY"),
    ("SPM", "PM"),
    ("SRB", "RS"),
    ("ATF", "TF"),
    ("MYT", "YT"),
    ("ATN", "NQ"),
];

/// `fromM49` with `m49`: the UN M.49 numbers x/text knows and how `Region.String`
/// writes each: as the ISO code where there is one, else as 3 digits.
#[rustfmt::skip]
pub(super) const REGION_M49: &[(u16, &str)] = &[
    (1, "001"), (2, "002"), (3, "003"), (4, "AF"), (5, "005"), (8, "AL"),
    (9, "009"), (10, "AQ"), (11, "011"), (12, "DZ"), (13, "013"), (14, "014"),
    (15, "015"), (16, "AS"), (17, "017"), (18, "018"), (19, "019"), (20, "AD"),
    (21, "021"), (24, "AO"), (28, "AG"), (29, "029"), (30, "030"), (31, "AZ"),
    (32, "AR"), (34, "034"), (35, "035"), (36, "AU"), (39, "039"), (40, "AT"),
    (44, "BS"), (48, "BH"), (50, "BD"), (51, "AM"), (52, "BB"), (53, "053"),
    (54, "054"), (56, "BE"), (57, "057"), (60, "BM"), (61, "061"), (64, "BT"),
    (68, "BO"), (70, "BA"), (72, "BW"), (74, "BV"), (76, "BR"), (84, "BZ"),
    (86, "IO"), (90, "SB"), (92, "VG"), (96, "BN"), (100, "BG"), (104, "MM"),
    (108, "BI"), (112, "BY"), (116, "KH"), (120, "CM"), (124, "CA"), (132, "CV"),
    (136, "KY"), (140, "CF"), (142, "142"), (143, "143"), (144, "LK"), (145, "145"),
    (148, "TD"), (150, "150"), (151, "151"), (152, "CL"), (154, "154"), (155, "155"),
    (156, "CN"), (158, "TW"), (162, "CX"), (166, "CC"), (170, "CO"), (174, "KM"),
    (175, "YT"), (178, "CG"), (180, "CD"), (184, "CK"), (188, "CR"), (191, "HR"),
    (192, "CU"), (196, "CY"), (202, "202"), (203, "CZ"), (204, "BJ"), (208, "DK"),
    (212, "DM"), (214, "DO"), (218, "EC"), (222, "SV"), (226, "GQ"), (230, "ET"),
    (231, "ET"), (232, "ER"), (233, "EE"), (234, "FO"), (238, "FK"), (239, "GS"),
    (242, "FJ"), (246, "FI"), (248, "AX"), (249, "FX"), (250, "FR"), (254, "GF"),
    (258, "PF"), (260, "TF"), (262, "DJ"), (266, "GA"), (268, "GE"), (270, "GM"),
    (275, "PS"), (276, "DE"), (278, "DD"), (280, "DE"), (288, "GH"), (292, "GI"),
    (296, "KI"), (300, "GR"), (304, "GL"), (308, "GD"), (312, "GP"), (316, "GU"),
    (320, "GT"), (324, "GN"), (328, "GY"), (332, "HT"), (334, "HM"), (336, "VA"),
    (340, "HN"), (344, "HK"), (348, "HU"), (352, "IS"), (356, "IN"), (360, "ID"),
    (364, "IR"), (368, "IQ"), (372, "IE"), (376, "IL"), (380, "IT"), (384, "CI"),
    (388, "JM"), (392, "JP"), (398, "KZ"), (400, "JO"), (404, "KE"), (408, "KP"),
    (410, "KR"), (414, "KW"), (417, "KG"), (418, "LA"), (419, "419"), (422, "LB"),
    (426, "LS"), (428, "LV"), (430, "LR"), (434, "LY"), (438, "LI"), (440, "LT"),
    (442, "LU"), (446, "MO"), (450, "MG"), (454, "MW"), (458, "MY"), (462, "MV"),
    (466, "ML"), (470, "MT"), (474, "MQ"), (478, "MR"), (480, "MU"), (484, "MX"),
    (492, "MC"), (496, "MN"), (498, "MD"), (499, "ME"), (500, "MS"), (504, "MA"),
    (508, "MZ"), (512, "OM"), (516, "NA"), (520, "NR"), (524, "NP"), (528, "NL"),
    (530, "AN"), (531, "CW"), (533, "AW"), (534, "SX"), (535, "BQ"), (536, "NT"),
    (540, "NC"), (548, "VU"), (554, "NZ"), (558, "NI"), (562, "NE"), (566, "NG"),
    (570, "NU"), (574, "NF"), (578, "NO"), (580, "MP"), (581, "UM"), (583, "FM"),
    (584, "MH"), (585, "PW"), (586, "PK"), (591, "PA"), (598, "PG"), (600, "PY"),
    (604, "PE"), (608, "PH"), (612, "PN"), (616, "PL"), (620, "PT"), (624, "GW"),
    (626, "TL"), (630, "PR"), (634, "QA"), (638, "RE"), (642, "RO"), (643, "RU"),
    (646, "RW"), (652, "BL"), (654, "SH"), (659, "KN"), (660, "AI"), (662, "LC"),
    (663, "MF"), (666, "PM"), (670, "VC"), (674, "SM"), (678, "ST"), (682, "SA"),
    (686, "SN"), (688, "RS"), (690, "SC"), (694, "SL"), (702, "SG"), (703, "SK"),
    (704, "VN"), (705, "SI"), (706, "SO"), (710, "ZA"), (716, "ZW"), (720, "YD"),
    (724, "ES"), (728, "SS"), (729, "SD"), (732, "EH"), (736, "SD"), (740, "SR"),
    (744, "SJ"), (748, "SZ"), (752, "SE"), (756, "CH"), (760, "SY"), (762, "TJ"),
    (764, "TH"), (768, "TG"), (772, "TK"), (776, "TO"), (780, "TT"), (784, "AE"),
    (788, "TN"), (792, "TR"), (795, "TM"), (796, "TC"), (798, "TV"), (800, "UG"),
    (804, "UA"), (807, "MK"), (810, "SU"), (818, "EG"), (826, "GB"), (831, "GG"),
    (832, "JE"), (833, "IM"), (834, "TZ"), (840, "US"), (850, "VI"), (854, "BF"),
    (858, "UY"), (860, "UZ"), (862, "VE"), (876, "WF"), (882, "WS"), (886, "YE"),
    (887, "YE"), (891, "CS"), (894, "ZM"), (958, "AA"), (959, "QM"), (960, "QN"),
    (961, "QO"), (962, "QP"), (963, "QQ"), (964, "QR"), (965, "QS"), (966, "QT"),
    (967, "EU"), (968, "QV"), (969, "QW"), (970, "QX"), (971, "QY"), (972, "QZ"),
    (973, "XA"), (974, "XB"), (975, "XC"), (976, "XD"), (977, "XE"), (978, "XF"),
    (979, "XG"), (980, "XH"), (981, "XI"), (982, "XJ"), (983, "XK"), (984, "XL"),
    (985, "XM"), (986, "XN"), (987, "XO"), (988, "XP"), (989, "XQ"), (990, "XR"),
    (991, "XS"), (992, "XT"), (993, "XU"), (994, "XV"), (995, "XW"), (996, "XX"),
    (997, "XY"), (998, "XZ"), (999, "ZZ"), 
];

/// `regionOldMap`: deprecated regions and their replacements.
pub(super) const REGION_OLD: &[(&str, &str)] = &[
    ("BU", "MM"),
    ("CT", "KI"),
    ("DD", "DE"),
    ("DY", "BJ"),
    ("FX", "FR"),
    ("HV", "BF"),
    ("JT", "UM"),
    ("MI", "UM"),
    ("NH", "VU"),
    ("NQ", "AQ"),
    ("PU", "UM"),
    ("PZ", "PA"),
    ("QU", "EU"),
    ("RH", "ZW"),
    ("TP", "TL"),
    ("UK", "GB"),
    ("VD", "VN"),
    ("WK", "UM"),
    ("YD", "YE"),
    ("ZR", "CD"),
];

/// `variantIndex`: the registered variants and their sort order.
pub(super) const VARIANTS: &[(&str, u8)] = &[
    ("1606nict", 0),
    ("1694acad", 1),
    ("1901", 2),
    ("1959acad", 3),
    ("1994", 97),
    ("1996", 4),
    ("abl1943", 5),
    ("akuapem", 6),
    ("alalc97", 99),
    ("aluku", 7),
    ("ao1990", 8),
    ("aranes", 9),
    ("arevela", 10),
    ("arevmda", 11),
    ("arkaika", 12),
    ("asante", 13),
    ("auvern", 14),
    ("baku1926", 15),
    ("balanka", 16),
    ("barla", 17),
    ("basiceng", 18),
    ("bauddha", 19),
    ("biscayan", 20),
    ("biske", 92),
    ("bohoric", 21),
    ("boont", 22),
    ("bornholm", 23),
    ("cisaup", 24),
    ("colb1945", 25),
    ("cornu", 26),
    ("creiss", 27),
    ("dajnko", 28),
    ("ekavsk", 29),
    ("emodeng", 30),
    ("fonipa", 100),
    ("fonkirsh", 101),
    ("fonnapa", 102),
    ("fonupa", 103),
    ("fonxsamp", 104),
    ("gascon", 31),
    ("grclass", 32),
    ("grital", 33),
    ("grmistr", 34),
    ("hepburn", 35),
    ("heploc", 98),
    ("hognorsk", 36),
    ("hsistemo", 37),
    ("ijekavsk", 38),
    ("itihasa", 39),
    ("ivanchov", 40),
    ("jauer", 41),
    ("jyutping", 42),
    ("kkcor", 43),
    ("kociewie", 44),
    ("kscor", 45),
    ("laukika", 46),
    ("lemosin", 47),
    ("lengadoc", 48),
    ("lipaw", 93),
    ("luna1918", 49),
    ("metelko", 50),
    ("monoton", 51),
    ("ndyuka", 52),
    ("nedis", 53),
    ("newfound", 54),
    ("nicard", 55),
    ("njiva", 94),
    ("nulik", 56),
    ("osojs", 95),
    ("oxendict", 57),
    ("pahawh2", 58),
    ("pahawh3", 59),
    ("pahawh4", 60),
    ("pamaka", 61),
    ("peano", 62),
    ("petr1708", 63),
    ("pinyin", 64),
    ("polyton", 65),
    ("provenc", 66),
    ("puter", 67),
    ("rigik", 68),
    ("rozaj", 69),
    ("rumgr", 70),
    ("scotland", 71),
    ("scouse", 72),
    ("simple", 105),
    ("solba", 96),
    ("sotav", 73),
    ("spanglis", 74),
    ("surmiran", 75),
    ("sursilv", 76),
    ("sutsilv", 77),
    ("tarask", 78),
    ("tongyong", 79),
    ("tunumiit", 80),
    ("uccor", 81),
    ("ucrcor", 82),
    ("ulster", 83),
    ("unifon", 84),
    ("vaidika", 85),
    ("valencia", 86),
    ("vallader", 87),
    ("vecdruka", 88),
    ("vivaraup", 89),
    ("wadegile", 90),
    ("xsistemo", 91),
];

/// `grandfatheredMap` with `altTags`: legacy tags (lower case) and the language, or
/// the tag, that stands for each.
pub(super) const GRANDFATHERED: &[(&str, &str)] = &[
    ("art-lojban", "jbo"),
    ("cel-gaulish", "xtg-x-cel-gaulish"),
    ("en-gb-oed", "en-GB-oxendict"),
    ("en-us-posix", "en-US-u-va-posix"),
    ("i-ami", "ami"),
    ("i-bnn", "bnn"),
    ("i-default", "en-x-i-default"),
    ("i-enochian", "und-x-i-enochian"),
    ("i-hak", "hak"),
    ("i-klingon", "tlh"),
    ("i-lux", "lb"),
    ("i-mingo", "see-x-i-mingo"),
    ("i-navajo", "nv"),
    ("i-pwn", "pwn"),
    ("i-tao", "tao"),
    ("i-tay", "tay"),
    ("i-tsu", "tsu"),
    ("no-bok", "nb"),
    ("no-nyn", "nn"),
    ("root", "und"),
    ("sgn-be-fr", "sfb"),
    ("sgn-be-nl", "vgt"),
    ("sgn-ch-de", "sgg"),
    ("zh-guoyu", "cmn"),
    ("zh-hakka", "hak"),
    ("zh-min", "nan-x-zh-min"),
    ("zh-min-nan", "nan"),
    ("zh-xiang", "hsn"),
];

/// Tags with script `Zxxx` that the public `Tag` turns into another tag (see
/// [`parse`]). Computed by running x/text's `compact.Make` on every tag of a language
/// with an index, script `Zxxx`, `Zyyy` or `Zzzz` and any region; only `Zxxx` ones
/// change. Sorted.
#[rustfmt::skip]
pub(super) const COMPACT_ALIASES: &[(&str, &str)] = &[
    ("ajg-Zxxx", "ak"), ("ajg-Zxxx-GH", "ak-GH"), ("ak-Zxxx", "ak"),
    ("ak-Zxxx-GH", "ak-GH"), ("alt-Zxxx", "am"), ("alt-Zxxx-ET", "am-ET"),
    ("am-Zxxx", "am"), ("am-Zxxx-ET", "am-ET"), ("arz-Zxxx", "as"),
    ("arz-Zxxx-IN", "as-IN"), ("as-Zxxx", "as"), ("as-Zxxx-IN", "as-IN"),
    ("bdd-Zxxx", "be"), ("bdd-Zxxx-BY", "be-BY"), ("be-Zxxx", "be"),
    ("be-Zxxx-BY", "be-BY"), ("bej-Zxxx", "bem"), ("bej-Zxxx-ZM", "bem-ZM"),
    ("bem-Zxxx", "bem"), ("bem-Zxxx-ZM", "bem-ZM"), ("bex-Zxxx", "bez"),
    ("bex-Zxxx-TZ", "bez-TZ"), ("bez-Zxxx", "bez"), ("bez-Zxxx-TZ", "bez-TZ"),
    ("bmu-Zxxx", "bn"), ("bmu-Zxxx-BD", "bn-BD"), ("bmu-Zxxx-IN", "bn-IN"),
    ("bn-Zxxx", "bn"), ("bn-Zxxx-BD", "bn-BD"), ("bn-Zxxx-IN", "bn-IN"),
    ("bnp-Zxxx", "bo"), ("bnp-Zxxx-CN", "bo-CN"), ("bnp-Zxxx-IN", "bo-IN"),
    ("bo-Zxxx", "bo"), ("bo-Zxxx-CN", "bo-CN"), ("bo-Zxxx-IN", "bo-IN"),
    ("brh-Zxxx", "brx"), ("brh-Zxxx-IN", "brx-IN"), ("brx-Zxxx", "brx"),
    ("brx-Zxxx-IN", "brx-IN"), ("brz-Zxxx", "bs"), ("bs-Zxxx", "bs"),
    ("bzw-Zxxx", "ca"), ("bzw-Zxxx-AD", "ca-AD"), ("bzw-Zxxx-ES", "ca-ES"),
    ("bzw-Zxxx-FR", "ca-FR"), ("bzw-Zxxx-IT", "ca-IT"), ("ca-Zxxx", "ca"),
    ("ca-Zxxx-AD", "ca-AD"), ("ca-Zxxx-ES", "ca-ES"), ("ca-Zxxx-FR", "ca-FR"),
    ("ca-Zxxx-IT", "ca-IT"), ("cch-Zxxx", "ccp"), ("cch-Zxxx-BD", "ccp-BD"),
    ("cch-Zxxx-IN", "ccp-IN"), ("ccp-Zxxx", "ccp"), ("ccp-Zxxx-BD", "ccp-BD"),
    ("ccp-Zxxx-IN", "ccp-IN"), ("cfa-Zxxx", "cgg"), ("cfa-Zxxx-UG", "cgg-UG"),
    ("cgg-Zxxx", "cgg"), ("cgg-Zxxx-UG", "cgg-UG"), ("chp-Zxxx", "chr"),
    ("chp-Zxxx-US", "chr-US"), ("chr-Zxxx", "chr"), ("chr-Zxxx-US", "chr-US"),
    ("cjv-Zxxx", "ckb"), ("cjv-Zxxx-IQ", "ckb-IQ"), ("cjv-Zxxx-IR", "ckb-IR"),
    ("ckb-Zxxx", "ckb"), ("ckb-Zxxx-IQ", "ckb-IQ"), ("ckb-Zxxx-IR", "ckb-IR"),
    ("cy-Zxxx", "da"), ("cy-Zxxx-DK", "da-DK"), ("cy-Zxxx-GL", "da-GL"),
    ("da-Zxxx", "da"), ("da-Zxxx-DK", "da-DK"), ("da-Zxxx-GL", "da-GL"),
    ("ddn-Zxxx", "de"), ("ddn-Zxxx-AT", "de-AT"), ("ddn-Zxxx-BE", "de-BE"),
    ("ddn-Zxxx-CH", "de-CH"), ("ddn-Zxxx-DE", "de-DE"), ("ddn-Zxxx-IT", "de-IT"),
    ("ddn-Zxxx-LI", "de-LI"), ("ddn-Zxxx-LU", "de-LU"), ("de-Zxxx", "de"),
    ("de-Zxxx-AT", "de-AT"), ("de-Zxxx-BE", "de-BE"), ("de-Zxxx-CH", "de-CH"),
    ("de-Zxxx-DE", "de-DE"), ("de-Zxxx-IT", "de-IT"), ("de-Zxxx-LI", "de-LI"),
    ("de-Zxxx-LU", "de-LU"), ("dia-Zxxx", "dje"), ("dia-Zxxx-NE", "dje-NE"),
    ("dje-Zxxx", "dje"), ("dje-Zxxx-NE", "dje-NE"), ("drs-Zxxx", "dsb"),
    ("drs-Zxxx-DE", "dsb-DE"), ("dsb-Zxxx", "dsb"), ("dsb-Zxxx-DE", "dsb-DE"),
    ("dww-Zxxx", "dyo"), ("dww-Zxxx-SN", "dyo-SN"), ("dyo-Zxxx", "dyo"),
    ("dyo-Zxxx-SN", "dyo-SN"), ("dyu-Zxxx", "dz"), ("dyu-Zxxx-BT", "dz-BT"),
    ("dz-Zxxx", "dz"), ("dz-Zxxx-BT", "dz-BT"), ("dzg-Zxxx", "ebu"),
    ("dzg-Zxxx-KE", "ebu-KE"), ("ebu-Zxxx", "ebu"), ("ebu-Zxxx-KE", "ebu-KE"),
    ("emi-Zxxx", "en"), ("emi-Zxxx-001", "en-001"), ("emi-Zxxx-150", "en-150"),
    ("emi-Zxxx-AG", "en-AG"), ("emi-Zxxx-AI", "en-AI"), ("emi-Zxxx-AS", "en-AS"),
    ("emi-Zxxx-AT", "en-AT"), ("emi-Zxxx-AU", "en-AU"), ("emi-Zxxx-BB", "en-BB"),
    ("emi-Zxxx-BE", "en-BE"), ("emi-Zxxx-BI", "en-BI"), ("emi-Zxxx-BM", "en-BM"),
    ("emi-Zxxx-BS", "en-BS"), ("emi-Zxxx-BW", "en-BW"), ("emi-Zxxx-BZ", "en-BZ"),
    ("emi-Zxxx-CA", "en-CA"), ("emi-Zxxx-CC", "en-CC"), ("emi-Zxxx-CH", "en-CH"),
    ("emi-Zxxx-CK", "en-CK"), ("emi-Zxxx-CM", "en-CM"), ("emi-Zxxx-CX", "en-CX"),
    ("emi-Zxxx-CY", "en-CY"), ("emi-Zxxx-DE", "en-DE"), ("emi-Zxxx-DG", "en-DG"),
    ("emi-Zxxx-DK", "en-DK"), ("emi-Zxxx-DM", "en-DM"), ("emi-Zxxx-ER", "en-ER"),
    ("emi-Zxxx-FI", "en-FI"), ("emi-Zxxx-FJ", "en-FJ"), ("emi-Zxxx-FK", "en-FK"),
    ("emi-Zxxx-FM", "en-FM"), ("emi-Zxxx-GB", "en-GB"), ("emi-Zxxx-GD", "en-GD"),
    ("emi-Zxxx-GG", "en-GG"), ("emi-Zxxx-GH", "en-GH"), ("emi-Zxxx-GI", "en-GI"),
    ("emi-Zxxx-GM", "en-GM"), ("emi-Zxxx-GU", "en-GU"), ("emi-Zxxx-GY", "en-GY"),
    ("emi-Zxxx-HK", "en-HK"), ("emi-Zxxx-IE", "en-IE"), ("emi-Zxxx-IL", "en-IL"),
    ("emi-Zxxx-IM", "en-IM"), ("emi-Zxxx-IN", "en-IN"), ("emi-Zxxx-IO", "en-IO"),
    ("emi-Zxxx-JE", "en-JE"), ("emi-Zxxx-JM", "en-JM"), ("emi-Zxxx-KE", "en-KE"),
    ("emi-Zxxx-KI", "en-KI"), ("emi-Zxxx-KN", "en-KN"), ("emi-Zxxx-KY", "en-KY"),
    ("emi-Zxxx-LC", "en-LC"), ("emi-Zxxx-LR", "en-LR"), ("emi-Zxxx-LS", "en-LS"),
    ("emi-Zxxx-MG", "en-MG"), ("emi-Zxxx-MH", "en-MH"), ("emi-Zxxx-MO", "en-MO"),
    ("emi-Zxxx-MP", "en-MP"), ("emi-Zxxx-MS", "en-MS"), ("emi-Zxxx-MT", "en-MT"),
    ("emi-Zxxx-MU", "en-MU"), ("emi-Zxxx-MW", "en-MW"), ("emi-Zxxx-MY", "en-MY"),
    ("emi-Zxxx-NA", "en-NA"), ("emi-Zxxx-NF", "en-NF"), ("emi-Zxxx-NG", "en-NG"),
    ("emi-Zxxx-NL", "en-NL"), ("emi-Zxxx-NR", "en-NR"), ("emi-Zxxx-NU", "en-NU"),
    ("emi-Zxxx-NZ", "en-NZ"), ("emi-Zxxx-PG", "en-PG"), ("emi-Zxxx-PH", "en-PH"),
    ("emi-Zxxx-PK", "en-PK"), ("emi-Zxxx-PN", "en-PN"), ("emi-Zxxx-PR", "en-PR"),
    ("emi-Zxxx-PW", "en-PW"), ("emi-Zxxx-RW", "en-RW"), ("emi-Zxxx-SB", "en-SB"),
    ("emi-Zxxx-SC", "en-SC"), ("emi-Zxxx-SD", "en-SD"), ("emi-Zxxx-SE", "en-SE"),
    ("emi-Zxxx-SG", "en-SG"), ("emi-Zxxx-SH", "en-SH"), ("emi-Zxxx-SI", "en-SI"),
    ("emi-Zxxx-SL", "en-SL"), ("emi-Zxxx-SS", "en-SS"), ("emi-Zxxx-SX", "en-SX"),
    ("emi-Zxxx-SZ", "en-SZ"), ("emi-Zxxx-TC", "en-TC"), ("emi-Zxxx-TK", "en-TK"),
    ("emi-Zxxx-TO", "en-TO"), ("emi-Zxxx-TT", "en-TT"), ("emi-Zxxx-TV", "en-TV"),
    ("emi-Zxxx-TZ", "en-TZ"), ("emi-Zxxx-UG", "en-UG"), ("emi-Zxxx-UM", "en-UM"),
    ("emi-Zxxx-US", "en-US"), ("emi-Zxxx-VC", "en-VC"), ("emi-Zxxx-VG", "en-VG"),
    ("emi-Zxxx-VI", "en-VI"), ("emi-Zxxx-VU", "en-VU"), ("emi-Zxxx-WS", "en-WS"),
    ("emi-Zxxx-ZA", "en-ZA"), ("emi-Zxxx-ZM", "en-ZM"), ("emi-Zxxx-ZW", "en-ZW"),
    ("en-Zxxx", "en"), ("en-Zxxx-001", "en-001"), ("en-Zxxx-150", "en-150"),
    ("en-Zxxx-AG", "en-AG"), ("en-Zxxx-AI", "en-AI"), ("en-Zxxx-AS", "en-AS"),
    ("en-Zxxx-AT", "en-AT"), ("en-Zxxx-AU", "en-AU"), ("en-Zxxx-BB", "en-BB"),
    ("en-Zxxx-BE", "en-BE"), ("en-Zxxx-BI", "en-BI"), ("en-Zxxx-BM", "en-BM"),
    ("en-Zxxx-BS", "en-BS"), ("en-Zxxx-BW", "en-BW"), ("en-Zxxx-BZ", "en-BZ"),
    ("en-Zxxx-CA", "en-CA"), ("en-Zxxx-CC", "en-CC"), ("en-Zxxx-CH", "en-CH"),
    ("en-Zxxx-CK", "en-CK"), ("en-Zxxx-CM", "en-CM"), ("en-Zxxx-CX", "en-CX"),
    ("en-Zxxx-CY", "en-CY"), ("en-Zxxx-DE", "en-DE"), ("en-Zxxx-DG", "en-DG"),
    ("en-Zxxx-DK", "en-DK"), ("en-Zxxx-DM", "en-DM"), ("en-Zxxx-ER", "en-ER"),
    ("en-Zxxx-FI", "en-FI"), ("en-Zxxx-FJ", "en-FJ"), ("en-Zxxx-FK", "en-FK"),
    ("en-Zxxx-FM", "en-FM"), ("en-Zxxx-GB", "en-GB"), ("en-Zxxx-GD", "en-GD"),
    ("en-Zxxx-GG", "en-GG"), ("en-Zxxx-GH", "en-GH"), ("en-Zxxx-GI", "en-GI"),
    ("en-Zxxx-GM", "en-GM"), ("en-Zxxx-GU", "en-GU"), ("en-Zxxx-GY", "en-GY"),
    ("en-Zxxx-HK", "en-HK"), ("en-Zxxx-IE", "en-IE"), ("en-Zxxx-IL", "en-IL"),
    ("en-Zxxx-IM", "en-IM"), ("en-Zxxx-IN", "en-IN"), ("en-Zxxx-IO", "en-IO"),
    ("en-Zxxx-JE", "en-JE"), ("en-Zxxx-JM", "en-JM"), ("en-Zxxx-KE", "en-KE"),
    ("en-Zxxx-KI", "en-KI"), ("en-Zxxx-KN", "en-KN"), ("en-Zxxx-KY", "en-KY"),
    ("en-Zxxx-LC", "en-LC"), ("en-Zxxx-LR", "en-LR"), ("en-Zxxx-LS", "en-LS"),
    ("en-Zxxx-MG", "en-MG"), ("en-Zxxx-MH", "en-MH"), ("en-Zxxx-MO", "en-MO"),
    ("en-Zxxx-MP", "en-MP"), ("en-Zxxx-MS", "en-MS"), ("en-Zxxx-MT", "en-MT"),
    ("en-Zxxx-MU", "en-MU"), ("en-Zxxx-MW", "en-MW"), ("en-Zxxx-MY", "en-MY"),
    ("en-Zxxx-NA", "en-NA"), ("en-Zxxx-NF", "en-NF"), ("en-Zxxx-NG", "en-NG"),
    ("en-Zxxx-NL", "en-NL"), ("en-Zxxx-NR", "en-NR"), ("en-Zxxx-NU", "en-NU"),
    ("en-Zxxx-NZ", "en-NZ"), ("en-Zxxx-PG", "en-PG"), ("en-Zxxx-PH", "en-PH"),
    ("en-Zxxx-PK", "en-PK"), ("en-Zxxx-PN", "en-PN"), ("en-Zxxx-PR", "en-PR"),
    ("en-Zxxx-PW", "en-PW"), ("en-Zxxx-RW", "en-RW"), ("en-Zxxx-SB", "en-SB"),
    ("en-Zxxx-SC", "en-SC"), ("en-Zxxx-SD", "en-SD"), ("en-Zxxx-SE", "en-SE"),
    ("en-Zxxx-SG", "en-SG"), ("en-Zxxx-SH", "en-SH"), ("en-Zxxx-SI", "en-SI"),
    ("en-Zxxx-SL", "en-SL"), ("en-Zxxx-SS", "en-SS"), ("en-Zxxx-SX", "en-SX"),
    ("en-Zxxx-SZ", "en-SZ"), ("en-Zxxx-TC", "en-TC"), ("en-Zxxx-TK", "en-TK"),
    ("en-Zxxx-TO", "en-TO"), ("en-Zxxx-TT", "en-TT"), ("en-Zxxx-TV", "en-TV"),
    ("en-Zxxx-TZ", "en-TZ"), ("en-Zxxx-UG", "en-UG"), ("en-Zxxx-UM", "en-UM"),
    ("en-Zxxx-US", "en-US"), ("en-Zxxx-VC", "en-VC"), ("en-Zxxx-VG", "en-VG"),
    ("en-Zxxx-VI", "en-VI"), ("en-Zxxx-VU", "en-VU"), ("en-Zxxx-WS", "en-WS"),
    ("en-Zxxx-ZA", "en-ZA"), ("en-Zxxx-ZM", "en-ZM"), ("en-Zxxx-ZW", "en-ZW"),
    ("etx-Zxxx", "eu"), ("etx-Zxxx-ES", "eu-ES"), ("eu-Zxxx", "eu"),
    ("eu-Zxxx-ES", "eu-ES"), ("ffm-Zxxx", "fi"), ("ffm-Zxxx-FI", "fi-FI"),
    ("fi-Zxxx", "fi"), ("fi-Zxxx-FI", "fi-FI"), ("fia-Zxxx", "fil"),
    ("fia-Zxxx-PH", "fil-PH"), ("fil-Zxxx", "fil"), ("fil-Zxxx-PH", "fil-PH"),
    ("fuq-Zxxx", "fur"), ("fuq-Zxxx-IT", "fur-IT"), ("fur-Zxxx", "fur"),
    ("fur-Zxxx-IT", "fur-IT"), ("fvr-Zxxx", "fy"), ("fvr-Zxxx-NL", "fy-NL"),
    ("fy-Zxxx", "fy"), ("fy-Zxxx-NL", "fy-NL"), ("grw-Zxxx", "gsw"),
    ("grw-Zxxx-CH", "gsw-CH"), ("grw-Zxxx-FR", "gsw-FR"), ("grw-Zxxx-LI", "gsw-LI"),
    ("gsw-Zxxx", "gsw"), ("gsw-Zxxx-CH", "gsw-CH"), ("gsw-Zxxx-FR", "gsw-FR"),
    ("gsw-Zxxx-LI", "gsw-LI"), ("gur-Zxxx", "guw"), ("guw-Zxxx", "guw"),
    ("gux-Zxxx", "guz"), ("gux-Zxxx-KE", "guz-KE"), ("guz-Zxxx", "guz"),
    ("guz-Zxxx-KE", "guz-KE"), ("hot-Zxxx", "hr"), ("hot-Zxxx-BA", "hr-BA"),
    ("hot-Zxxx-HR", "hr-HR"), ("hr-Zxxx", "hr"), ("hr-Zxxx-BA", "hr-BA"),
    ("hr-Zxxx-HR", "hr-HR"), ("ht-Zxxx", "hu"), ("ht-Zxxx-HU", "hu-HU"),
    ("hu-Zxxx", "hu"), ("hu-Zxxx-HU", "hu-HU"), ("hui-Zxxx", "hy"),
    ("hui-Zxxx-AM", "hy-AM"), ("hy-Zxxx", "hy"), ("hy-Zxxx-AM", "hy-AM"),
    ("ich-Zxxx", "id"), ("ich-Zxxx-ID", "id-ID"), ("id-Zxxx", "id"),
    ("id-Zxxx-ID", "id-ID"), ("ife-Zxxx", "ig"), ("ife-Zxxx-NG", "ig-NG"),
    ("ig-Zxxx", "ig"), ("ig-Zxxx-NG", "ig-NG"), ("imo-Zxxx", "in"),
    ("in-Zxxx", "in"), ("inh-Zxxx", "io"), ("io-Zxxx", "io"),
    ("is-Zxxx", "it"), ("is-Zxxx-CH", "it-CH"), ("is-Zxxx-IT", "it-IT"),
    ("is-Zxxx-SM", "it-SM"), ("is-Zxxx-VA", "it-VA"), ("it-Zxxx", "it"),
    ("it-Zxxx-CH", "it-CH"), ("it-Zxxx-IT", "it-IT"), ("it-Zxxx-SM", "it-SM"),
    ("it-Zxxx-VA", "it-VA"), ("iu-Zxxx", "iw"), ("iw-Zxxx", "iw"),
    ("jam-Zxxx", "jbo"), ("jbo-Zxxx", "jbo"), ("jgk-Zxxx", "jgo"),
    ("jgk-Zxxx-CM", "jgo-CM"), ("jgo-Zxxx", "jgo"), ("jgo-Zxxx-CM", "jgo-CM"),
    ("jv-Zxxx", "jw"), ("jw-Zxxx", "jw"), ("kaj-Zxxx", "kam"),
    ("kaj-Zxxx-KE", "kam-KE"), ("kam-Zxxx", "kam"), ("kam-Zxxx-KE", "kam-KE"),
    ("kby-Zxxx", "kcg"), ("kcg-Zxxx", "kcg"), ("kct-Zxxx", "kde"),
    ("kct-Zxxx-TZ", "kde-TZ"), ("kde-Zxxx", "kde"), ("kde-Zxxx-TZ", "kde-TZ"),
    ("kdt-Zxxx", "kea"), ("kdt-Zxxx-CV", "kea-CV"), ("kea-Zxxx", "kea"),
    ("kea-Zxxx-CV", "kea-CV"), ("khz-Zxxx", "ki"), ("khz-Zxxx-KE", "ki-KE"),
    ("ki-Zxxx", "ki"), ("ki-Zxxx-KE", "ki-KE"), ("kkj-Zxxx", "kl"),
    ("kkj-Zxxx-GL", "kl-GL"), ("kl-Zxxx", "kl"), ("kl-Zxxx-GL", "kl-GL"),
    ("kmw-Zxxx", "kn"), ("kmw-Zxxx-IN", "kn-IN"), ("kn-Zxxx", "kn"),
    ("kn-Zxxx-IN", "kn-IN"), ("ks-Zxxx", "ksb"), ("ks-Zxxx-TZ", "ksb-TZ"),
    ("ksb-Zxxx", "ksb"), ("ksb-Zxxx-TZ", "ksb-TZ"), ("ksd-Zxxx", "ksf"),
    ("ksd-Zxxx-CM", "ksf-CM"), ("ksf-Zxxx", "ksf"), ("ksf-Zxxx-CM", "ksf-CM"),
    ("kvx-Zxxx", "kw"), ("kvx-Zxxx-GB", "kw-GB"), ("kw-Zxxx", "kw"),
    ("kw-Zxxx-GB", "kw-GB"), ("lad-Zxxx", "lag"), ("lad-Zxxx-TZ", "lag-TZ"),
    ("lag-Zxxx", "lag"), ("lag-Zxxx-TZ", "lag-TZ"), ("las-Zxxx", "lb"),
    ("las-Zxxx-LU", "lb-LU"), ("lb-Zxxx", "lb"), ("lb-Zxxx-LU", "lb-LU"),
    ("lez-Zxxx", "lg"), ("lez-Zxxx-UG", "lg-UG"), ("lg-Zxxx", "lg"),
    ("lg-Zxxx-UG", "lg-UG"), ("lki-Zxxx", "lkt"), ("lki-Zxxx-US", "lkt-US"),
    ("lkt-Zxxx", "lkt"), ("lkt-Zxxx-US", "lkt-US"), ("lmp-Zxxx", "ln"),
    ("lmp-Zxxx-AO", "ln-AO"), ("lmp-Zxxx-CD", "ln-CD"), ("lmp-Zxxx-CF", "ln-CF"),
    ("lmp-Zxxx-CG", "ln-CG"), ("ln-Zxxx", "ln"), ("ln-Zxxx-AO", "ln-AO"),
    ("ln-Zxxx-CD", "ln-CD"), ("ln-Zxxx-CF", "ln-CF"), ("ln-Zxxx-CG", "ln-CG"),
    ("loz-Zxxx", "lrc"), ("loz-Zxxx-IQ", "lrc-IQ"), ("loz-Zxxx-IR", "lrc-IR"),
    ("lrc-Zxxx", "lrc"), ("lrc-Zxxx-IQ", "lrc-IQ"), ("lrc-Zxxx-IR", "lrc-IR"),
    ("luo-Zxxx", "luy"), ("luo-Zxxx-KE", "luy-KE"), ("luy-Zxxx", "luy"),
    ("luy-Zxxx-KE", "luy-KE"), ("luz-Zxxx", "lv"), ("luz-Zxxx-LV", "lv-LV"),
    ("lv-Zxxx", "lv"), ("lv-Zxxx-LV", "lv-LV"), ("man-Zxxx", "mas"),
    ("man-Zxxx-KE", "mas-KE"), ("man-Zxxx-TZ", "mas-TZ"), ("mas-Zxxx", "mas"),
    ("mas-Zxxx-KE", "mas-KE"), ("mas-Zxxx-TZ", "mas-TZ"), ("men-Zxxx", "mer"),
    ("men-Zxxx-KE", "mer-KE"), ("mer-Zxxx", "mer"), ("mer-Zxxx-KE", "mer-KE"),
    ("mfa-Zxxx", "mfe"), ("mfa-Zxxx-MU", "mfe-MU"), ("mfe-Zxxx", "mfe"),
    ("mfe-Zxxx-MU", "mfe-MU"), ("mfq-Zxxx", "mg"), ("mfq-Zxxx-MG", "mg-MG"),
    ("mg-Zxxx", "mg"), ("mg-Zxxx-MG", "mg-MG"), ("miw-Zxxx", "mk"),
    ("miw-Zxxx-MK", "mk-MK"), ("mk-Zxxx", "mk"), ("mk-Zxxx-MK", "mk-MK"),
    ("mmx-Zxxx", "mn"), ("mmx-Zxxx-MN", "mn-MN"), ("mn-Zxxx", "mn"),
    ("mn-Zxxx-MN", "mn-MN"), ("mql-Zxxx", "mr"), ("mql-Zxxx-IN", "mr-IN"),
    ("mr-Zxxx", "mr"), ("mr-Zxxx-IN", "mr-IN"), ("mro-Zxxx", "ms"),
    ("mro-Zxxx-BN", "ms-BN"), ("mro-Zxxx-MY", "ms-MY"), ("mro-Zxxx-SG", "ms-SG"),
    ("ms-Zxxx", "ms"), ("ms-Zxxx-BN", "ms-BN"), ("ms-Zxxx-MY", "ms-MY"),
    ("ms-Zxxx-SG", "ms-SG"), ("mtr-Zxxx", "mua"), ("mtr-Zxxx-CM", "mua-CM"),
    ("mua-Zxxx", "mua"), ("mua-Zxxx-CM", "mua-CM"), ("mxm-Zxxx", "my"),
    ("mxm-Zxxx-MM", "my-MM"), ("my-Zxxx", "my"), ("my-Zxxx-MM", "my-MM"),
    ("naf-Zxxx", "nah"), ("nah-Zxxx", "nah"), ("nap-Zxxx", "naq"),
    ("nap-Zxxx-NA", "naq-NA"), ("naq-Zxxx", "naq"), ("naq-Zxxx-NA", "naq-NA"),
    ("nas-Zxxx", "nb"), ("nas-Zxxx-NO", "nb-NO"), ("nas-Zxxx-SJ", "nb-SJ"),
    ("nb-Zxxx", "nb"), ("nb-Zxxx-NO", "nb-NO"), ("nb-Zxxx-SJ", "nb-SJ"),
    ("nds-Zxxx", "ne"), ("nds-Zxxx-IN", "ne-IN"), ("nds-Zxxx-NP", "ne-NP"),
    ("ne-Zxxx", "ne"), ("ne-Zxxx-IN", "ne-IN"), ("ne-Zxxx-NP", "ne-NP"),
    ("nko-Zxxx", "nl"), ("nko-Zxxx-AW", "nl-AW"), ("nko-Zxxx-BE", "nl-BE"),
    ("nko-Zxxx-BQ", "nl-BQ"), ("nko-Zxxx-CW", "nl-CW"), ("nko-Zxxx-NL", "nl-NL"),
    ("nko-Zxxx-SR", "nl-SR"), ("nko-Zxxx-SX", "nl-SX"), ("nl-Zxxx", "nl"),
    ("nl-Zxxx-AW", "nl-AW"), ("nl-Zxxx-BE", "nl-BE"), ("nl-Zxxx-BQ", "nl-BQ"),
    ("nl-Zxxx-CW", "nl-CW"), ("nl-Zxxx-NL", "nl-NL"), ("nl-Zxxx-SR", "nl-SR"),
    ("nl-Zxxx-SX", "nl-SX"), ("nnm-Zxxx", "no"), ("no-Zxxx", "no"),
    ("nou-Zxxx", "nqo"), ("nqo-Zxxx", "nqo"), ("nxr-Zxxx", "ny"),
    ("ny-Zxxx", "ny"), ("nym-Zxxx", "nyn"), ("nym-Zxxx-UG", "nyn-UG"),
    ("nyn-Zxxx", "nyn"), ("nyn-Zxxx-UG", "nyn-UG"), ("opm-Zxxx", "or"),
    ("opm-Zxxx-IN", "or-IN"), ("or-Zxxx", "or"), ("or-Zxxx-IN", "or-IN"),
    ("ozm-Zxxx", "pa"), ("pa-Zxxx", "pa"), ("pam-Zxxx", "pap"),
    ("pap-Zxxx", "pap"), ("pko-Zxxx", "pl"), ("pko-Zxxx-PL", "pl-PL"),
    ("pl-Zxxx", "pl"), ("pl-Zxxx-PL", "pl-PL"), ("prd-Zxxx", "prg"),
    ("prd-Zxxx-001", "prg-001"), ("prg-Zxxx", "prg"), ("prg-Zxxx-001", "prg-001"),
    ("rmu-Zxxx", "rn"), ("rmu-Zxxx-BI", "rn-BI"), ("rn-Zxxx", "rn"),
    ("rn-Zxxx-BI", "rn-BI"), ("rug-Zxxx", "rw"), ("rug-Zxxx-RW", "rw-RW"),
    ("rw-Zxxx", "rw"), ("rw-Zxxx-RW", "rw-RW"), ("saf-Zxxx", "sah"),
    ("saf-Zxxx-RU", "sah-RU"), ("sah-Zxxx", "sah"), ("sah-Zxxx-RU", "sah-RU"),
    ("sbe-Zxxx", "sbp"), ("sbe-Zxxx-TZ", "sbp-TZ"), ("sbp-Zxxx", "sbp"),
    ("sbp-Zxxx-TZ", "sbp-TZ"), ("sdh-Zxxx", "se"), ("sdh-Zxxx-FI", "se-FI"),
    ("sdh-Zxxx-NO", "se-NO"), ("sdh-Zxxx-SE", "se-SE"), ("se-Zxxx", "se"),
    ("se-Zxxx-FI", "se-FI"), ("se-Zxxx-NO", "se-NO"), ("se-Zxxx-SE", "se-SE"),
    ("sef-Zxxx", "seh"), ("sef-Zxxx-MZ", "seh-MZ"), ("seh-Zxxx", "seh"),
    ("seh-Zxxx-MZ", "seh-MZ"), ("sei-Zxxx", "ses"), ("sei-Zxxx-ML", "ses-ML"),
    ("ses-Zxxx", "ses"), ("ses-Zxxx-ML", "ses-ML"), ("sgz-Zxxx", "sh"),
    ("sh-Zxxx", "sh"), ("sma-Zxxx", "smi"), ("smi-Zxxx", "smi"),
    ("smj-Zxxx", "smn"), ("smj-Zxxx-FI", "smn-FI"), ("smn-Zxxx", "smn"),
    ("smn-Zxxx-FI", "smn-FI"), ("sms-Zxxx", "sn"), ("sms-Zxxx-ZW", "sn-ZW"),
    ("sn-Zxxx", "sn"), ("sn-Zxxx-ZW", "sn-ZW"), ("sny-Zxxx", "so"),
    ("sny-Zxxx-DJ", "so-DJ"), ("sny-Zxxx-ET", "so-ET"), ("sny-Zxxx-KE", "so-KE"),
    ("sny-Zxxx-SO", "so-SO"), ("so-Zxxx", "so"), ("so-Zxxx-DJ", "so-DJ"),
    ("so-Zxxx-ET", "so-ET"), ("so-Zxxx-KE", "so-KE"), ("so-Zxxx-SO", "so-SO"),
    ("sps-Zxxx", "sq"), ("sps-Zxxx-AL", "sq-AL"), ("sps-Zxxx-MK", "sq-MK"),
    ("sps-Zxxx-XK", "sq-XK"), ("sq-Zxxx", "sq"), ("sq-Zxxx-AL", "sq-AL"),
    ("sq-Zxxx-MK", "sq-MK"), ("sq-Zxxx-XK", "sq-XK"), ("srx-Zxxx", "ss"),
    ("ss-Zxxx", "ss"), ("ssy-Zxxx", "st"), ("st-Zxxx", "st"),
    ("sv-Zxxx", "sw"), ("sv-Zxxx-CD", "sw-CD"), ("sv-Zxxx-KE", "sw-KE"),
    ("sv-Zxxx-TZ", "sw-TZ"), ("sv-Zxxx-UG", "sw-UG"), ("sw-Zxxx", "sw"),
    ("sw-Zxxx-CD", "sw-CD"), ("sw-Zxxx-KE", "sw-KE"), ("sw-Zxxx-TZ", "sw-TZ"),
    ("sw-Zxxx-UG", "sw-UG"), ("tdh-Zxxx", "te"), ("tdh-Zxxx-IN", "te-IN"),
    ("te-Zxxx", "te"), ("te-Zxxx-IN", "te-IN"), ("tfi-Zxxx", "tg"),
    ("tfi-Zxxx-TJ", "tg-TJ"), ("tg-Zxxx", "tg"), ("tg-Zxxx-TJ", "tg-TJ"),
    ("tgu-Zxxx", "th"), ("tgu-Zxxx-TH", "th-TH"), ("th-Zxxx", "th"),
    ("th-Zxxx-TH", "th-TH"), ("thr-Zxxx", "ti"), ("thr-Zxxx-ER", "ti-ER"),
    ("thr-Zxxx-ET", "ti-ET"), ("ti-Zxxx", "ti"), ("ti-Zxxx-ER", "ti-ER"),
    ("ti-Zxxx-ET", "ti-ET"), ("tif-Zxxx", "tig"), ("tig-Zxxx", "tig"),
    ("tyv-Zxxx", "tzm"), ("tyv-Zxxx-MA", "tzm-MA"), ("tzm-Zxxx", "tzm"),
    ("tzm-Zxxx-MA", "tzm-MA"), ("vep-Zxxx", "vi"), ("vep-Zxxx-VN", "vi-VN"),
    ("vi-Zxxx", "vi"), ("vi-Zxxx-VN", "vi-VN"), ("vmw-Zxxx", "vo"),
    ("vmw-Zxxx-001", "vo-001"), ("vo-Zxxx", "vo"), ("vo-Zxxx-001", "vo-001"),
    ("wa-Zxxx", "wae"), ("wa-Zxxx-CH", "wae-CH"), ("wae-Zxxx", "wae"),
    ("wae-Zxxx-CH", "wae-CH"), ("wnu-Zxxx", "wo"), ("wnu-Zxxx-SN", "wo-SN"),
    ("wo-Zxxx", "wo"), ("wo-Zxxx-SN", "wo-SN"), ("xnr-Zxxx", "xog"),
    ("xnr-Zxxx-UG", "xog-UG"), ("xog-Zxxx", "xog"), ("xog-Zxxx-UG", "xog-UG"),
    ("yat-Zxxx", "yav"), ("yat-Zxxx-CM", "yav-CM"), ("yav-Zxxx", "yav"),
    ("yav-Zxxx-CM", "yav-CM"), ("yua-Zxxx", "yue"), ("yue-Zxxx", "yue"),
    ("zgh-Zxxx", "zh"), ("zh-Zxxx", "zh"), ("zne-Zxxx", "zu"),
    ("zne-Zxxx-ZA", "zu-ZA"), ("zu-Zxxx", "zu"), ("zu-Zxxx-ZA", "zu-ZA"),
];
