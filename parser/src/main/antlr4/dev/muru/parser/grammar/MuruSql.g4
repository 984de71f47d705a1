/*
 * Muru's SQL dialect: a PostgreSQL-flavoured subset. Keywords are case-insensitive; the AST
 * builder (dev.muru.parser.AstBuilder) folds unquoted identifiers to lower case.
 */
grammar MuruSql;

options { caseInsensitive = true; }

singleStatement
    : statement SEMICOLON? EOF
    ;

script
    : statement? (SEMICOLON statement?)* EOF
    ;

statement
    : query                                                                  #selectStatement
    | CREATE TABLE (IF NOT EXISTS)? identifier
        LPAREN tableElement (COMMA tableElement)* RPAREN                     #createTable
    | CREATE UNIQUE? INDEX (IF NOT EXISTS)? identifier ON identifier
        LPAREN indexColumn (COMMA indexColumn)* RPAREN                       #createIndex
    | DROP INDEX (IF EXISTS)? identifier                                     #dropIndex
    | CREATE TRIGGER (IF NOT EXISTS)? name=identifier
        (BEFORE | AFTER | INSTEAD OF)? triggerEvent ON table=identifier
        (FOR EACH ROW)? (WHEN when=expression)?
        BEGIN (triggerStatement SEMICOLON)+ END                              #createTrigger
    | DROP TRIGGER (IF EXISTS)? identifier                                   #dropTrigger
    | REINDEX identifier?                                                    #reindex
    | DROP TABLE (IF EXISTS)? identifier                                     #dropTable
    | CREATE (OR REPLACE)? VIEW identifier columnList? AS query               #createView
    | DROP VIEW (IF EXISTS)? identifier                                      #dropView
    | (INSERT (OR orReplace=REPLACE)? | replace=REPLACE) INTO identifier
        columnList? insertSource                                             #insert
    | DELETE FROM identifier whereClause?                                    #delete
    | UPDATE identifier SET assignment (COMMA assignment)* whereClause?      #update
    | EXPLAIN ANALYZE? statement                                             #explain
    | COPY identifier columnList? FROM string copyOptions?                   #copy
    | SET SESSION? settingName (EQ | TO) settingValue                        #setOption
    | RESET (ALL | settingName)                                              #resetOption
    | SHOW (ALL | settingName)                                               #showOption
    ;

triggerEvent
    : DELETE
    | INSERT
    | UPDATE (OF identifier (COMMA identifier)*)?
    ;

// What a trigger body may hold (SQLite's trigger statements).
triggerStatement
    : statement
    ;

// A session setting's name: a word, or dotted words such as a.b.
settingName
    : identifier (DOT identifier)*
    ;

// DEFAULT arrives as an identifier (it is non-reserved); the AST builder recognises it.
settingValue
    : sign=(MINUS | PLUS)? (INTEGER_VALUE | DECIMAL_VALUE | DOUBLE_VALUE)    #numericSetting
    | string                                                                 #stringSetting
    | identifier                                                             #wordSetting
    | (ON | TRUE | FALSE)                                                    #keywordSetting
    ;

tableElement
    : columnDefinition
    | tableConstraint
    ;

columnDefinition
    : identifier typeName columnConstraint*
    ;

columnConstraint
    : NOT NULL                                                               #notNullConstraint
    | NULL                                                                   #nullConstraint
    | PRIMARY KEY                                                            #primaryKeyConstraint
    | UNIQUE                                                                 #uniqueConstraint
    ;

tableConstraint
    : (PRIMARY KEY | UNIQUE) LPAREN identifier (COMMA identifier)* RPAREN
    ;

indexColumn
    : identifier (ASC | DESC)?
    ;

assignment
    : identifier EQ expression
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

// VALUES comes first so that a plain VALUES list is not read as a query.
insertSource
    : VALUES row (COMMA row)*                                                #insertValues
    | query                                                                  #insertQuery
    ;

copyOptions
    : WITH? LPAREN copyOption (COMMA copyOption)* RPAREN
    | WITH? copyOption+
    ;

copyOption
    : DELIMITER AS? string                                                   #delimiterOption
    | HEADER (TRUE | FALSE)?                                                 #headerOption
    | NULL AS? string                                                        #nullOption
    | FORMAT (identifier | string)                                           #formatOption
    | CSV                                                                    #csvOption
    ;

query
    : withClause? queryBody orderByClause? (limitClause offsetClause? | offsetClause limitClause?)?
    ;

withClause
    : WITH commonTableExpression (COMMA commonTableExpression)*
    ;

commonTableExpression
    : identifier columnList? AS LPAREN query RPAREN
    ;

// Earlier alternatives bind tighter: INTERSECT before UNION and EXCEPT.
queryBody
    : queryPrimary                                                           #primaryBody
    | left=queryBody INTERSECT setQuantifier? right=queryBody                #intersectBody
    | left=queryBody op=(UNION | EXCEPT) setQuantifier? right=queryBody      #unionExceptBody
    ;

queryPrimary
    : SELECT setQuantifier? selectItem (COMMA selectItem)*
        fromClause? whereClause? groupByClause? havingClause?                #selectQuery
    | VALUES row (COMMA row)*                                                #valuesQuery
    | LPAREN query RPAREN                                                    #nestedQuery
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

row
    : LPAREN expression (COMMA expression)* RPAREN
    ;

selectItem
    : STAR                                                                   #allColumns
    | identifier DOT STAR                                                    #qualifiedAllColumns
    | expression (AS? identifier)?                                           #singleColumn
    ;

fromClause
    : FROM relation (COMMA relation)*
    ;

whereClause
    : WHERE expression
    ;

groupByClause
    : GROUP BY expression (COMMA expression)*
    ;

havingClause
    : HAVING expression
    ;

orderByClause
    : ORDER BY orderItem (COMMA orderItem)*
    ;

orderItem
    : expression direction=(ASC | DESC)? (NULLS nulls=(FIRST | LAST))?
    ;

limitClause
    : LIMIT (ALL | expression)
    ;

offsetClause
    : OFFSET expression (ROW | ROWS)?
    ;

relation
    : relationPrimary                                                        #primaryRelation
    | left=relation CROSS JOIN right=relationPrimary                         #crossJoin
    | left=relation joinType? JOIN right=relationPrimary joinCriteria        #qualifiedJoin
    ;

joinType
    : INNER
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCriteria
    : ON expression
    | USING columnList
    ;

relationPrimary
    : identifier (AS? alias=identifier)?                                     #tableRelation
    | LPAREN query RPAREN AS? alias=identifier columnList?                   #subqueryRelation
    | LPAREN relation RPAREN                                                 #parenthesizedRelation
    ;

typeName
    : DOUBLE PRECISION
    | CHARACTER VARYING typeParameters?
    | identifier typeParameters?
    ;

typeParameters
    : LPAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RPAREN
    ;

expression
    : booleanExpression
    ;

// NOT sits below the predicates, so NOT a = b is NOT (a = b).
booleanExpression
    : valueExpression predicate*                                             #predicated
    | NOT booleanExpression                                                  #logicalNot
    | left=booleanExpression AND right=booleanExpression                     #logicalAnd
    | left=booleanExpression OR right=booleanExpression                      #logicalOr
    ;

// One precedence level, applied left to right: a = b IS NULL is (a = b) IS NULL.
predicate
    : comparisonOperator right=valueExpression                               #comparisonPredicate
    | IS NOT? NULL                                                           #nullPredicate
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression           #betweenPredicate
    | NOT? IN LPAREN query RPAREN                                            #inSubqueryPredicate
    | NOT? IN LPAREN (expression (COMMA expression)*)? RPAREN                #inListPredicate
    | NOT? LIKE pattern=valueExpression (ESCAPE escape=valueExpression)?     #likePredicate
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

// Earlier alternatives bind tighter: x::t, then unary sign, then * / %, + -, ||.
valueExpression
    : primaryExpression                                                      #primaryValue
    | valueExpression DOUBLE_COLON typeName                                  #castOperator
    | op=(MINUS | PLUS) valueExpression                                      #unaryValue
    | left=valueExpression op=(STAR | SLASH | PERCENT) right=valueExpression #multiplicative
    | left=valueExpression op=(PLUS | MINUS) right=valueExpression           #additive
    | left=valueExpression CONCAT right=valueExpression                      #concatenation
    ;

primaryExpression
    : NULL                                                                   #nullLiteral
    | QUESTION                                                               #parameter
    | (TRUE | FALSE)                                                         #booleanLiteral
    | INTEGER_VALUE                                                          #integerLiteral
    | DECIMAL_VALUE                                                          #decimalLiteral
    | DOUBLE_VALUE                                                           #doubleLiteral
    | string                                                                 #stringLiteral
    | HEX_STRING                                                             #hexLiteral
    | DATE string                                                            #dateLiteral
    | INTERVAL string intervalUnit?                                          #intervalLiteral
    | CASE operand=expression? whenClause+ (ELSE elseResult=expression)? END #caseExpression
    | CAST LPAREN expression AS typeName RPAREN                              #castFunction
    | EXTRACT LPAREN field=identifier FROM expression RPAREN                 #extract
    | SUBSTRING LPAREN value=expression FROM begin=expression
        (FOR length=expression)? RPAREN                                      #substring
    | TRIM LPAREN side=(BOTH | LEADING | TRAILING)? chars=expression?
        FROM source=expression RPAREN                                        #trim
    | EXISTS LPAREN query RPAREN                                             #exists
    | LPAREN query RPAREN                                                    #scalarSubquery
    | LPAREN expression RPAREN                                               #parenthesized
    | functionName LPAREN STAR RPAREN                                        #starFunctionCall
    | functionName LPAREN (setQuantifier? expression (COMMA expression)*)? RPAREN #functionCall
    | qualifier=identifier DOT name=identifier                               #qualifiedColumn
    | identifier                                                             #column
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

intervalUnit
    : YEAR | YEARS | MONTH | MONTHS | DAY | DAYS
    ;

// left(s, n) and right(s, n) are functions although LEFT and RIGHT are reserved.
functionName
    : identifier
    | LEFT
    | RIGHT
    ;

string
    : STRING
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReserved
    ;

// Keywords that may also name a table, column, alias, type or function.
nonReserved
    : ANALYZE | CHARACTER | COPY | CSV | DATE | DAY | DAYS | DELIMITER | DOUBLE | EXPLAIN | EXTRACT
    | FIRST | FORMAT | HEADER | IF | LAST | MONTH | MONTHS | NULLS | PRECISION | ROW | ROWS
    | SUBSTRING | TRIM | VARYING | YEAR | YEARS | VIEW | REPLACE
    | DEFAULT | RESET | SESSION | SHOW | TO | INDEX | KEY | REINDEX
    | TRIGGER | BEFORE | AFTER | INSTEAD | OF | EACH | BEGIN
    ;

AFTER: 'AFTER';
ALL: 'ALL';
ANALYZE: 'ANALYZE';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
BEFORE: 'BEFORE';
BEGIN: 'BEGIN';
BETWEEN: 'BETWEEN';
BOTH: 'BOTH';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CHARACTER: 'CHARACTER';
COPY: 'COPY';
CREATE: 'CREATE';
CROSS: 'CROSS';
CSV: 'CSV';
DATE: 'DATE';
DAY: 'DAY';
DAYS: 'DAYS';
DEFAULT: 'DEFAULT';
DELIMITER: 'DELIMITER';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
DOUBLE: 'DOUBLE';
DROP: 'DROP';
EACH: 'EACH';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FIRST: 'FIRST';
FOR: 'FOR';
FORMAT: 'FORMAT';
FROM: 'FROM';
FULL: 'FULL';
GROUP: 'GROUP';
HAVING: 'HAVING';
HEADER: 'HEADER';
IF: 'IF';
INDEX: 'INDEX';
KEY: 'KEY';
PRIMARY: 'PRIMARY';
REINDEX: 'REINDEX';
UNIQUE: 'UNIQUE';
IN: 'IN';
INNER: 'INNER';
INSERT: 'INSERT';
INSTEAD: 'INSTEAD';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
LAST: 'LAST';
LEADING: 'LEADING';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
MONTH: 'MONTH';
MONTHS: 'MONTHS';
NOT: 'NOT';
NULL: 'NULL';
NULLS: 'NULLS';
OF: 'OF';
OFFSET: 'OFFSET';
ON: 'ON';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
PRECISION: 'PRECISION';
RIGHT: 'RIGHT';
ROW: 'ROW';
ROWS: 'ROWS';
SELECT: 'SELECT';
SUBSTRING: 'SUBSTRING';
TABLE: 'TABLE';
DELETE: 'DELETE';
UPDATE: 'UPDATE';
SET: 'SET';
VIEW: 'VIEW';
REPLACE: 'REPLACE';
RESET: 'RESET';
SESSION: 'SESSION';
SHOW: 'SHOW';
THEN: 'THEN';
TO: 'TO';
TRAILING: 'TRAILING';
TRIGGER: 'TRIGGER';
TRIM: 'TRIM';
TRUE: 'TRUE';
UNION: 'UNION';
USING: 'USING';
VALUES: 'VALUES';
VARYING: 'VARYING';
WHEN: 'WHEN';
WHERE: 'WHERE';
WITH: 'WITH';
YEAR: 'YEAR';
YEARS: 'YEARS';

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
DOUBLE_COLON: '::';
LPAREN: '(';
RPAREN: ')';
COMMA: ',';
DOT: '.';
SEMICOLON: ';';
QUESTION: '?';

STRING: '\'' (~'\'' | '\'\'')* '\'';
// X'3031': SQLite's and MySQL's hexadecimal string, read as the text of those bytes.
HEX_STRING: 'X\'' [0-9A-F]* '\'';
QUOTED_IDENTIFIER: '"' (~'"' | '""')* '"';

INTEGER_VALUE: DIGIT+;
DECIMAL_VALUE: DIGIT+ '.' DIGIT* | '.' DIGIT+;
DOUBLE_VALUE: (DIGIT+ ('.' DIGIT*)? | '.' DIGIT+) EXPONENT;

IDENTIFIER: LETTER (LETTER | DIGIT | '$')*;

SIMPLE_COMMENT: '--' ~[\r\n]* -> skip;
BRACKETED_COMMENT: '/*' .*? '*/' -> skip;
WHITESPACE: [ \t\r\n\f]+ -> skip;

// Error tokens: never used by the parser, SqlParser reports them with their position. A closed
// string, identifier or comment is one character longer, so the rules above win for those.
UNTERMINATED_STRING: '\'' (~'\'' | '\'\'')*;
UNTERMINATED_QUOTED_IDENTIFIER: '"' (~'"' | '""')*;
UNTERMINATED_COMMENT: '/*' (~'*' | '*'+ ~[*/])* '*'*;
UNEXPECTED_CHARACTER: .;

fragment DIGIT: [0-9];
fragment LETTER: [a-z_] | '\u0080'..'\uFFFE';
fragment EXPONENT: 'E' [+-]? DIGIT+;
